using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;

namespace CaseManager.Domain.UnitTests;

public sealed class ReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public void Schedule_ForCase_TakesOwnerCategoryAndPersonFromTheCase()
    {
        var target = ACase();

        var review = Review.Schedule(target, ReviewKind.Scheme, Today.AddDays(28), Now);

        review.OwnerAgency.Should().Be(target.OwnerAgency);
        review.DataCategory.Should().Be(DataCategory.Offending);
        review.PersonId.Should().Be(target.PersonId);
        review.Status.Should().Be(ReviewStatus.Open);
    }

    [Fact]
    public void Schedule_ForAFamilyCase_IsAboutTheHouseholdAndNoOnePerson()
    {
        var household = HouseholdId.New();
        var family = Case.OpenForHousehold(household, Scheme.TroubledFamilies, AgencyCode.Parse("FIT"), Today.AddDays(-10), Guid.NewGuid(), null, Now, Today);

        var review = Review.Schedule(family, ReviewKind.Scheme, Today.AddDays(74), Now);

        review.PersonId.Should().BeNull();
        review.HouseholdId.Should().Be(household, "FAM3: a family case is reviewed as the household's");
        review.CaseId.Should().Be(family.Id);
        review.OwnerAgency.Should().Be(AgencyCode.Parse("FIT"));
    }

    [Fact]
    public void Complete_WithDateAndSummary_ClosesTheReview()
    {
        var review = Review.Schedule(ACase(), ReviewKind.Scheme, Today, Now);

        review.Complete(Today, " Panel kept the tier ", Guid.NewGuid(), Today.AddDays(-30), Today, Now);

        review.Status.Should().Be(ReviewStatus.Completed);
        review.Summary.Should().Be("Panel kept the tier");
        review.CompletedOn.Should().Be(Today);
    }

    [Fact]
    public void Complete_WhenAlreadyCompleted_IsRejected()
    {
        var review = Review.Schedule(ACase(), ReviewKind.Scheme, Today, Now);
        review.Complete(Today, "Done", Guid.NewGuid(), Today.AddDays(-30), Today, Now);

        var act = () => review.Complete(Today, "Again", Guid.NewGuid(), Today.AddDays(-30), Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.closed");
    }

    [Fact]
    public void Complete_InTheFuture_IsRejected()
    {
        var review = Review.Schedule(ACase(), ReviewKind.Scheme, Today, Now);

        var act = () => review.Complete(Today.AddDays(1), "Done", Guid.NewGuid(), Today.AddDays(-30), Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.completed-in-future");
    }

    [Fact]
    public void Complete_ExitDecision_IsRejected()
    {
        var review = Review.Schedule(ACase(), ReviewKind.ExitDecision, Today, Now);

        var act = () => review.Complete(Today, "Done", Guid.NewGuid(), Today.AddDays(-30), Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.decided-by-exit");
    }

    private static Case ACase() =>
        Case.Open(PersonId.New(), Scheme.Iom, AgencyCode.Parse("POLICE"), Today.AddDays(-30), Guid.NewGuid(), Now, Today);
}
