using CaseManager.Domain.Claims;
using CaseManager.Domain.Common;

namespace CaseManager.Domain.UnitTests;

/// <summary>The money tables of DOMAIN.md TF3 (phase 1) and TF4 (phase 2), at the edges of their financial years.</summary>
public sealed class ClaimMoneyTests
{
    private static readonly ClaimMoney Money = ClaimMoney.Default;

    [Theory]
    [InlineData("2012-04-01", 3200.00)]
    [InlineData("2013-03-31", 3200.00)]
    [InlineData("2013-04-01", 2400.00)]
    [InlineData("2014-03-31", 2400.00)]
    [InlineData("2014-04-01", 1600.00)]
    [InlineData("2015-03-31", 1600.00)]
    [InlineData("2026-12-01", 1600.00)]
    [InlineData("2011-06-01", 3200.00)]
    public void AttachmentFee_InPhaseOne_IsTheYearsShareOfFourThousand(string attachedOn, double expected)
    {
        var amount = Money.AmountFor(1, ClaimOutcome.Attachment, DateOnly.Parse(attachedOn, System.Globalization.CultureInfo.InvariantCulture));

        amount.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData(2012, ClaimOutcome.CrimeAsbEducation, 700.00)]
    [InlineData(2012, ClaimOutcome.ProgressToWork, 100.00)]
    [InlineData(2012, ClaimOutcome.ContinuousEmployment, 800.00)]
    [InlineData(2013, ClaimOutcome.CrimeAsbEducation, 1400.00)]
    [InlineData(2013, ClaimOutcome.ProgressToWork, 200.00)]
    [InlineData(2013, ClaimOutcome.ContinuousEmployment, 1600.00)]
    [InlineData(2014, ClaimOutcome.CrimeAsbEducation, 2100.00)]
    [InlineData(2014, ClaimOutcome.ProgressToWork, 300.00)]
    [InlineData(2014, ClaimOutcome.ContinuousEmployment, 2400.00)]
    public void ResultPayment_InPhaseOne_SplitsTheResultsElementInProportion(int financialYear, ClaimOutcome outcome, double expected)
    {
        var amount = Money.AmountFor(1, outcome, new DateOnly(financialYear, 4, 1));

        amount.Should().Be((decimal)expected);
    }

    [Fact]
    public void FamilyMaximum_InPhaseOne_IsFourThousandEveryYear_AndAttachmentPlusBothResultsMakeIt()
    {
        foreach (var year in new[] { 2012, 2013, 2014 })
        {
            var attached = new DateOnly(year, 7, 1);

            var total = Money.AmountFor(1, ClaimOutcome.Attachment, attached) + Money.AmountFor(1, ClaimOutcome.CrimeAsbEducation, attached)
                + Money.AmountFor(1, ClaimOutcome.ProgressToWork, attached);

            total.Should().Be(4000m);
            Money.FamilyMaximum(1, year).Should().Be(4000m);
        }
    }

    [Theory]
    [InlineData(ClaimOutcome.Attachment, 1000.00)]
    [InlineData(ClaimOutcome.SignificantAndSustainedProgress, 800.00)]
    [InlineData(ClaimOutcome.ContinuousEmployment, 800.00)]
    public void PhaseTwo_PaysAThousandUpFrontAndEightHundredForAResult(ClaimOutcome outcome, double expected)
    {
        Money.AmountFor(2, outcome, new DateOnly(2015, 4, 1)).Should().Be((decimal)expected);
        Money.AmountFor(2, outcome, new DateOnly(2026, 11, 1)).Should().Be((decimal)expected);
    }

    [Fact]
    public void AmountFor_AResultThePhaseDoesNotPayFor_IsRefused()
    {
        var act = () => Money.AmountFor(2, ClaimOutcome.ProgressToWork, new DateOnly(2016, 1, 1));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.outcome-not-in-phase");
    }

    [Fact]
    public void AmountFor_IsRoundedOnceToThePenny_HalvesAwayFromZero()
    {
        var money = new ClaimMoney([new PhaseMoney(1, [new YearMoney(2012, 1000.005m, 100m)], new Dictionary<ClaimOutcome, decimal> { [ClaimOutcome.CrimeAsbEducation] = 1m / 3m })]);

        money.AmountFor(1, ClaimOutcome.Attachment, new DateOnly(2012, 5, 1)).Should().Be(1000.01m);
        money.AmountFor(1, ClaimOutcome.CrimeAsbEducation, new DateOnly(2012, 5, 1)).Should().Be(33.33m);
    }

    [Theory]
    [InlineData(2, 2015, 1800.00)]
    [InlineData(2, 2019, 1800.00)]
    [InlineData(1, 2011, 4000.00)]
    public void FamilyMaximum_IsTheAttachmentFeeAndTheBestResults(int phase, int financialYear, double expected) =>
        Money.FamilyMaximum(phase, financialYear).Should().Be((decimal)expected);

    [Fact]
    public void FamilyMaximum_IsTheSumOfTheLinesThatWouldPayIt_EachRoundedOnce()
    {
        // Halves of 666.667 round to 333.33 each; continuous employment instead of both pays 666.67 (TF3).
        var money = new ClaimMoney([new PhaseMoney(1, [new YearMoney(2012, 333.333m, 666.667m)], new Dictionary<ClaimOutcome, decimal>
        {
            [ClaimOutcome.CrimeAsbEducation] = 0.5m,
            [ClaimOutcome.ProgressToWork] = 0.5m,
            [ClaimOutcome.ContinuousEmployment] = 1m,
        })]);
        var attached = new DateOnly(2012, 5, 1);

        var maximum = money.FamilyMaximum(1, 2012);

        maximum.Should().Be(1000.00m);
        maximum.Should().Be(money.AmountFor(1, ClaimOutcome.Attachment, attached) + money.AmountFor(1, ClaimOutcome.ContinuousEmployment, attached));
        (money.AmountFor(1, ClaimOutcome.Attachment, attached) + money.AmountFor(1, ClaimOutcome.CrimeAsbEducation, attached)
            + money.AmountFor(1, ClaimOutcome.ProgressToWork, attached)).Should().Be(999.99m, "both results together pay a penny less here");
        (maximum * 100).Should().Be(Math.Round(maximum * 100), "whole pence");
    }

    [Fact]
    public void ClaimMoney_WithANegativeAmountOrAShareOverOne_IsRefused()
    {
        var negative = () => new ClaimMoney([new PhaseMoney(1, [new YearMoney(2012, -1m, 0m)], new Dictionary<ClaimOutcome, decimal>())]);
        var share = () => new ClaimMoney([new PhaseMoney(1, [new YearMoney(2012, 1m, 1m)], new Dictionary<ClaimOutcome, decimal> { [ClaimOutcome.ProgressToWork] = 1.5m })]);
        var empty = () => new ClaimMoney([new PhaseMoney(1, [], new Dictionary<ClaimOutcome, decimal>())]);

        negative.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.money");
        share.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.money");
        empty.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.money");
    }

    [Theory]
    [InlineData("2026-03-31", 2025)]
    [InlineData("2026-04-01", 2026)]
    public void FinancialYear_StartsOnTheFirstOfApril(string day, int expected) =>
        FinancialYear.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    [Theory]
    [InlineData("2026-12", true)]
    [InlineData("2012-01", true)]
    [InlineData("2011-12", false)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    [InlineData("26-12-01", false)]
    [InlineData("", false)]
    public void ClaimWindow_IsAMonthWrittenYearDashMonth(string text, bool valid) =>
        ClaimWindow.TryParse(text, out _).Should().Be(valid);
}
