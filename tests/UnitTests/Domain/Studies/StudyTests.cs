using Clinical.Domain.Common;
using Clinical.Domain.Studies;

namespace Clinical.UnitTests.Domain.Studies;

public class StudyTests
{
    [Fact]
    public void Constructor_WithoutIdentificationModule_ThrowsDomainException()
    {
        var protocol = new ProtocolSection { StatusModule = new StatusModule() };

        var act = () => new Study(protocol, null, null, null, null, null);

        act.ShouldThrow<DomainException>().Message.ShouldContain("identificationModule");
    }

    [Fact]
    public void Constructor_WithoutNctId_ThrowsDomainException()
    {
        var protocol = new ProtocolSection { IdentificationModule = new IdentificationModule { BriefTitle = "No number" } };

        var act = () => new Study(protocol, null, null, null, null, null);

        act.ShouldThrow<DomainException>().Message.ShouldContain("nctId");
    }

    [Fact]
    public void Constructor_WithoutProtocolSection_ThrowsArgumentNullException()
    {
        var act = () => new Study(null!, null, null, null, null, null);

        act.ShouldThrow<ArgumentNullException>();
    }

    [Fact]
    public void Constructor_WithNctId_KeepsNctIdAndEverySection()
    {
        var protocol = new ProtocolSection { IdentificationModule = new IdentificationModule { NctId = NctId.Parse("NCT01234567") } };
        var results = new ResultsSection();
        var annotation = new AnnotationSection();
        var document = new DocumentSection();
        var derived = new DerivedSection();

        var study = new Study(protocol, results, annotation, document, derived, true);

        study.NctId.ShouldBe(NctId.Parse("NCT01234567"));
        study.ProtocolSection.ShouldBeSameAs(protocol);
        study.ResultsSection.ShouldBeSameAs(results);
        study.AnnotationSection.ShouldBeSameAs(annotation);
        study.DocumentSection.ShouldBeSameAs(document);
        study.DerivedSection.ShouldBeSameAs(derived);
        study.HasResults.ShouldBe(true);
    }

    [Fact]
    public void Constructor_OptionalSectionsAbsent_KeepsThemNull()
    {
        var protocol = new ProtocolSection { IdentificationModule = new IdentificationModule { NctId = NctId.Parse("NCT01234567") } };

        var study = new Study(protocol, null, null, null, null, null);

        study.ResultsSection.ShouldBeNull();
        study.AnnotationSection.ShouldBeNull();
        study.DocumentSection.ShouldBeNull();
        study.DerivedSection.ShouldBeNull();
        study.HasResults.ShouldBeNull();
    }
}
