using CaseManager.Domain.Common;
using CaseManager.Domain.Reporting;

namespace CaseManager.Domain.UnitTests;

/// <summary>Small-number suppression of the partnership report (issue: the partnership report), at its edges.</summary>
public sealed class SmallNumbersTests
{
    // Parts as "a,b,c"; expected suppressed parts as "0/1" flags; whether the total is suppressed.
    [Theory]
    [InlineData("4,10,12", "1,1,0", false)] // a 4 alone would be the total less the others: the next smallest (10) goes with it
    [InlineData("5,10,12", "0,0,0", false)] // 5 is not under 5
    [InlineData("4,3,12", "1,1,0", false)] // two hidden already: neither can be worked out
    [InlineData("0,10,12", "1,1,0", false)] // zero is under the threshold too
    [InlineData("2,2", "1,1", true)] // the total (4) is itself small
    [InlineData("20,30", "0,0", false)]
    [InlineData("3", "1", true)]
    [InlineData("7", "0", false)]
    [InlineData("4,5", "1,1", false)] // 4 hidden, 5 would give it away with the total 9
    public void Group_SuppressesSmallCountsAndTheirComplement(string parts, string expected, bool totalSuppressed)
    {
        var counts = parts.Split(',').Select(int.Parse).ToList();

        var result = SmallNumbers.Group(counts, SmallNumbers.DefaultThreshold);

        result.Parts.Should().Equal(expected.Split(',').Select(f => f == "1"));
        result.Total.Should().Be(totalSuppressed);
    }

    [Fact]
    public void Group_WithATotalShown_NeverLeavesExactlyOnePartHidden()
    {
        for (var a = 0; a < 12; a++)
        {
            for (var b = 0; b < 12; b++)
            {
                for (var c = 0; c < 12; c++)
                {
                    var result = SmallNumbers.Group([a, b, c], 5);
                    if (!result.Total)
                    {
                        result.Parts.Count(p => p).Should().NotBe(1, $"parts {a},{b},{c} with their total shown would reveal the hidden one");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(6, 14, false)]
    [InlineData(4, 14, true)] // the part is small
    [InlineData(10, 14, true)] // the rest (4) is small: 14 − 10 would reveal it
    [InlineData(9, 14, false)]
    [InlineData(0, 0, false)] // nothing to divide: shown as "no figures", not suppressed
    [InlineData(3, 4, true)]
    public void ShareSuppressed_WhenThePartOrTheRestIsSmall(int part, int whole, bool suppressed) =>
        SmallNumbers.ShareSuppressed(part, whole, 5).Should().Be(suppressed);

    [Theory]
    [InlineData(4, 7, true)] // the part is small
    [InlineData(5, 7, true)] // the rest (2) is small: attached less worked with would reveal it
    [InlineData(5, 10, false)] // both 5: neither is under 5
    [InlineData(5, 9, true)] // the rest is 4
    [InlineData(7, 7, false)] // no rest: nobody to reveal
    [InlineData(4, 4, true)] // no rest, but small itself
    [InlineData(0, 0, true)]
    [InlineData(92, 275, false)]
    public void PartSuppressed_WhenThePartOrSomeOfTheRestIsSmall(int part, int whole, bool suppressed) =>
        SmallNumbers.PartSuppressed(part, whole, 5).Should().Be(suppressed);

    [Theory]
    [InlineData(3, 3)]
    [InlineData(10, 10)]
    public void Group_FollowsTheConfiguredThreshold(int threshold, int count) =>
        SmallNumbers.Group([count - 1, 50], threshold).Parts[0].Should().BeTrue();

    [Theory]
    [InlineData("Asb Perception", 10, ReferenceUnit.Percent)]
    [InlineData("AsbPerception", 100.5, ReferenceUnit.Percent)]
    [InlineData("AsbPerception", -1, ReferenceUnit.Count)]
    public void ReferenceFigure_WithABadCodeOrValue_IsRefused(string code, decimal value, ReferenceUnit unit)
    {
        var record = () => ReferenceFigure.Record(code, PartnershipPriority.Asb, "Label", value, unit, new DateOnly(2013, 3, 31), "Survey", Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        record.Should().Throw<DomainRuleException>();
    }
}
