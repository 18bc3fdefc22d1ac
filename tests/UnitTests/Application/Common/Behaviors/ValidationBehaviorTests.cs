using Clinical.Application.Common.Behaviors;
using FluentValidation;
using Mediator;
using ValidationException = Clinical.Application.Common.Exceptions.ValidationException;

namespace Clinical.UnitTests.Application.Common.Behaviors;

public class ValidationBehaviorTests
{
    [Fact]
    public async Task Handle_FailingValidator_ThrowsValidationExceptionGroupedByPropertyWithoutCallingNext()
    {
        var validator = new InlineValidator<Ping>();
        validator.RuleFor(p => p.Name).NotEmpty().WithMessage("Name it.");
        validator.RuleFor(p => p.Name).Must(n => n.StartsWith('x')).WithMessage("Name must start with x.");
        validator.RuleFor(p => p.Count).GreaterThan(0).WithMessage("Count must be positive.");
        var behavior = new ValidationBehavior<Ping, string>([validator]);
        var nextCalled = false;

        var act = () => behavior.Handle(new Ping(string.Empty, 0), (_, _) => { nextCalled = true; return ValueTask.FromResult("pong"); }, TestContext.Current.CancellationToken).AsTask();

        var ex = await act.ShouldThrowAsync<ValidationException>();
        nextCalled.ShouldBeFalse();
        ex.Errors.Keys.ShouldBe(["Name", "Count"], ignoreOrder: true);
        ex.Errors["Name"].ShouldBe(["Name it.", "Name must start with x."]);
        ex.Errors["Count"].ShouldBe(["Count must be positive."]);
        ex.Message.ShouldContain("Name it.");
        ex.Message.ShouldContain("Count must be positive.");
    }

    [Fact]
    public async Task Handle_TwoFailingValidators_EachFailureReportedOnce()
    {
        var names = new InlineValidator<Ping>();
        names.RuleFor(p => p.Name).NotEmpty().WithMessage("Name it.");
        var prefixes = new InlineValidator<Ping>();
        prefixes.RuleFor(p => p.Name).Must(n => n.StartsWith('x')).WithMessage("Name must start with x.");
        var behavior = new ValidationBehavior<Ping, string>([names, prefixes]);

        var act = () => behavior.Handle(new Ping(string.Empty, 1), (_, _) => ValueTask.FromResult("pong"), TestContext.Current.CancellationToken).AsTask();

        var ex = await act.ShouldThrowAsync<ValidationException>();
        ex.Errors["Name"].ShouldBe(["Name it.", "Name must start with x."]);
    }

    [Fact]
    public async Task Handle_NoValidators_CallsNextWithMessageAndToken()
    {
        var behavior = new ValidationBehavior<Ping, string>([]);
        var message = new Ping(string.Empty, 0);
        var token = TestContext.Current.CancellationToken;
        Ping? seen = null;
        CancellationToken seenToken = default;

        var response = await behavior.Handle(message, (m, ct) => { seen = m; seenToken = ct; return ValueTask.FromResult("pong"); }, token);

        response.ShouldBe("pong");
        seen.ShouldBeSameAs(message);
        seenToken.ShouldBe(token);
    }

    [Fact]
    public async Task Handle_PassingValidator_CallsNext()
    {
        var validator = new InlineValidator<Ping>();
        validator.RuleFor(p => p.Name).NotEmpty();
        var behavior = new ValidationBehavior<Ping, string>([validator]);

        var response = await behavior.Handle(new Ping("xylophone", 1), (_, _) => ValueTask.FromResult("pong"), TestContext.Current.CancellationToken);

        response.ShouldBe("pong");
    }

    [Fact]
    public async Task Handle_SubstitutedValidatorFails_ThrowsWithItsFailure()
    {
        var validator = Substitute.For<IValidator<Ping>>();
        validator.ValidateAsync(Arg.Any<IValidationContext>(), Arg.Any<CancellationToken>())
            .Returns(new FluentValidation.Results.ValidationResult([new FluentValidation.Results.ValidationFailure("Path", "Name the input file.")]));
        var behavior = new ValidationBehavior<Ping, string>([validator]);

        var act = () => behavior.Handle(new Ping("x", 1), (_, _) => ValueTask.FromResult("pong"), TestContext.Current.CancellationToken).AsTask();

        var ex = await act.ShouldThrowAsync<ValidationException>();
        ex.Errors["Path"].ShouldBe(["Name the input file."]);
    }

    public sealed record Ping(string Name, int Count) : ICommand<string>, Clinical.Application.Common.IUseCase;
}
