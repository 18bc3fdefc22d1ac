using Clinical.Infrastructure.Buffers;

namespace Clinical.IntegrationTests.Infrastructure.Buffers;

/// <summary>
/// The pool of the arrays that hold a study's raw JSON or encoded rows on its way: every length gets the smallest class that holds it, at
/// most a quarter larger above 4 KB, and a returned array is the next one rented of its class.
/// </summary>
public sealed class StudyBufferPoolTests
{
    [Fact]
    public void ClassOf_EveryLengthUpToTheLargest_TheSmallestClassThatHoldsItAtMostAQuarterLarger()
    {
        for (var length = 1; length <= StudyBufferPool.MaxLength; length++)
        {
            var index = StudyBufferPool.ClassOf(length);
            var size = StudyBufferPool.SizeOf(index);
            if (size < length || (index > 0 && StudyBufferPool.SizeOf(index - 1) >= length) || (length > 4096 && size > length * 1.25))
            {
                Assert.Fail($"length {length}: class {index} of {size} bytes");
            }
        }

        StudyBufferPool.SizeOf(StudyBufferPool.ClassOf(StudyBufferPool.MaxLength)).ShouldBe(StudyBufferPool.MaxLength);
    }

    [Fact]
    public void Rent_AfterAReturnOfItsClass_GivesTheSameArrayBack()
    {
        var pool = new StudyBufferPool(maxPerClass: 4);
        var first = pool.Rent(23_000);

        pool.Return(first);

        first.Length.ShouldBe(24_576);
        pool.Rent(22_000).ShouldBeSameAs(first);
        pool.Rent(22_000).ShouldNotBeSameAs(first);
    }

    [Fact]
    public void Return_AnArrayNotOfAClassOrOverTheLargest_IsNotKept()
    {
        var pool = new StudyBufferPool(maxPerClass: 4);
        var odd = new byte[23_000];
        var huge = pool.Rent(StudyBufferPool.MaxLength + 1);

        pool.Return(odd);
        pool.Return(huge);

        huge.Length.ShouldBe(StudyBufferPool.MaxLength + 1);
        pool.Rent(23_000).ShouldNotBeSameAs(odd);
        pool.Rent(StudyBufferPool.MaxLength + 1).ShouldNotBeSameAs(huge);
    }

    [Fact]
    public void Return_MoreThanTheClassKeeps_TheRestLeftToTheGc()
    {
        var pool = new StudyBufferPool(maxPerClass: 2);
        byte[][] rented = [pool.Rent(5000), pool.Rent(5000), pool.Rent(5000)];

        foreach (var array in rented)
        {
            pool.Return(array);
        }

        var again = new[] { pool.Rent(5000), pool.Rent(5000), pool.Rent(5000) };
        again.Count(a => rented.Contains(a)).ShouldBe(2);
    }
}
