using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;

namespace CaseManager.Domain.UnitTests;

public sealed class ConsentReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly PersonId Person = PersonId.New();
    private static readonly AgencyCode Fit = AgencyCode.Parse("FIT");
    private static readonly Guid Recorder = Guid.NewGuid();

    [Fact]
    public void ScheduleFor_GivenConsent_IsDueOnItsReviewDateAndBelongsToTheConsent()
    {
        var consent = AConsent(recordedOn: new DateOnly(2026, 6, 1), reviewOn: new DateOnly(2026, 12, 1));

        var review = Review.ScheduleFor(consent, Now);

        review.Kind.Should().Be(ReviewKind.Consent);
        review.DueOn.Should().Be(new DateOnly(2026, 12, 1));
        review.ConsentId.Should().Be(consent.Id);
        review.CaseId.Should().BeNull();
        review.PersonId.Should().Be(Person);
        review.OwnerAgency.Should().Be(Fit);
        review.DataCategory.Should().Be(DataCategory.Identity);
        review.Scheme.Should().Be(Scheme.Fit);
        review.Status.Should().Be(ReviewStatus.Open);
    }

    [Fact]
    public void ScheduleFor_ConsentRecordedWithoutReviewDate_IsDueOnTheDefaultReviewDate()
    {
        var consent = AConsent(recordedOn: new DateOnly(2026, 2, 28), reviewOn: null, defaultReviewOn: new DateOnly(2027, 2, 28));

        var review = Review.ScheduleFor(consent, Now);

        review.DueOn.Should().Be(new DateOnly(2027, 2, 28));
    }

    [Fact]
    public void ScheduleFor_RefusedConsent_IsRejected()
    {
        var refusal = AConsent(status: ConsentStatus.Refused);

        var act = () => Review.ScheduleFor(refusal, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.consent-not-given");
    }

    [Fact]
    public void ScheduleFor_WithdrawnConsent_IsRejected()
    {
        var consent = AConsent();
        consent.Withdraw("Changed her mind", Recorder, Now);

        var act = () => Review.ScheduleFor(consent, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.consent-not-given");
    }

    [Fact]
    public void Complete_WithDateAndSummary_ClosesTheReview()
    {
        var consent = AConsent(recordedOn: new DateOnly(2026, 1, 10));
        var review = Review.ScheduleFor(consent, Now);
        var worker = Guid.NewGuid();

        review.Complete(consent, Today, " Could not reach her; consent lapses ", worker, Today, Now);

        review.Status.Should().Be(ReviewStatus.Completed);
        review.CompletedOn.Should().Be(Today);
        review.CompletedBy.Should().Be(worker);
        review.Summary.Should().Be("Could not reach her; consent lapses");
    }

    [Fact]
    public void Complete_OnTheDayTheConsentWasRecorded_IsAllowed()
    {
        var consent = AConsent(recordedOn: new DateOnly(2026, 1, 10));
        var review = Review.ScheduleFor(consent, Now);

        review.Complete(consent, new DateOnly(2026, 1, 10), "Checked the form the same day", Recorder, Today, Now);

        review.CompletedOn.Should().Be(new DateOnly(2026, 1, 10));
    }

    [Fact]
    public void Complete_BeforeTheConsentWasRecorded_IsRejected()
    {
        var consent = AConsent(recordedOn: new DateOnly(2026, 1, 10));
        var review = Review.ScheduleFor(consent, Now);

        var act = () => review.Complete(consent, new DateOnly(2026, 1, 9), "Spoke to her", Recorder, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.completed-before-consent");
        review.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void Complete_InTheFuture_IsRejected()
    {
        var consent = AConsent();
        var review = Review.ScheduleFor(consent, Now);

        var act = () => review.Complete(consent, Today.AddDays(1), "Spoke to her", Recorder, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.completed-in-future");
    }

    [Fact]
    public void Complete_WithoutSummary_IsRejected()
    {
        var consent = AConsent();
        var review = Review.ScheduleFor(consent, Now);

        var act = () => review.Complete(consent, Today, "  ", Recorder, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.summary");
    }

    [Fact]
    public void Complete_AgainstAnotherConsent_IsRejected()
    {
        var consent = AConsent();
        var review = Review.ScheduleFor(consent, Now);

        var act = () => review.Complete(AConsent(), Today, "Spoke to her", Recorder, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.not-of-consent");
    }

    [Fact]
    public void Complete_AsACaseReview_IsRejected()
    {
        var review = Review.ScheduleFor(AConsent(), Now);

        var act = () => review.Complete(Today, "Spoke to her", Recorder, Today.AddDays(-30), Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.not-of-case");
    }

    [Fact]
    public void Complete_CaseReviewAgainstAConsent_IsRejected()
    {
        var target = Case.Open(Person, Scheme.Fit, Fit, Today.AddDays(-30), Recorder, Now, Today);
        var review = Review.Schedule(target, ReviewKind.Scheme, Today, Now);

        var act = () => review.Complete(AConsent(), Today, "Spoke to her", Recorder, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.not-of-consent");
    }

    [Fact]
    public void Cancel_ConsentReview_ClosesItWithoutAReviewDate()
    {
        var review = Review.ScheduleFor(AConsent(), Now);

        review.Cancel(Now);

        review.Status.Should().Be(ReviewStatus.Cancelled);
        review.CompletedOn.Should().BeNull();
    }

    [Fact]
    public void CompleteByRenewal_NewGivenConsentOfTheSameAgency_CompletesItOnTheRenewalDate()
    {
        var earlier = AConsent(recordedOn: new DateOnly(2025, 12, 1), reviewOn: new DateOnly(2026, 12, 1));
        var review = Review.ScheduleFor(earlier, Now);
        var renewer = Guid.NewGuid();
        var renewal = AConsent(recordedOn: new DateOnly(2026, 11, 20), recordedBy: renewer);

        review.CompleteByRenewal(earlier, renewal, Today, Now);

        review.Status.Should().Be(ReviewStatus.Completed);
        review.CompletedOn.Should().Be(new DateOnly(2026, 11, 20));
        review.CompletedBy.Should().Be(renewer);
        review.Summary.Should().Be($"Renewed: consent {renewal.Id} was recorded on 2026-11-20");
    }

    [Fact]
    public void CompleteByRenewal_WithAConsentThatDoesNotRenewIt_IsRejected()
    {
        var earlier = AConsent();
        var review = Review.ScheduleFor(earlier, Now);

        var act = () => review.CompleteByRenewal(earlier, AConsent(purpose: Scheme.TroubledFamilies), Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("review.not-a-renewal");
        review.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void Renews_GivenConsentOfTheSameAgencyPersonAndPurpose_IsTrueWhateverItNames()
    {
        var earlier = AConsent(recordedOn: new DateOnly(2025, 12, 1));

        var renewal = AConsent(recordedOn: new DateOnly(2026, 11, 1), recipients: ["CSC"]);

        renewal.Renews(earlier).Should().BeTrue();
        earlier.Renews(earlier).Should().BeFalse("a consent does not renew itself");
    }

    public static TheoryData<string> NotRenewals => ["another agency", "another purpose", "another person", "a refusal", "recorded before", "earlier withdrawn"];

    [Theory]
    [MemberData(nameof(NotRenewals))]
    public void Renews_OtherwiseIsFalse(string difference)
    {
        var earlier = AConsent(recordedOn: new DateOnly(2026, 3, 1));
        if (difference == "earlier withdrawn")
        {
            earlier.Withdraw(null, Recorder, Now);
        }

        var later = difference switch
        {
            "another agency" => AConsent(owner: AgencyCode.Parse("HOUSING")),
            "another purpose" => AConsent(purpose: Scheme.TroubledFamilies),
            "another person" => AConsent(person: PersonId.New()),
            "a refusal" => AConsent(status: ConsentStatus.Refused),
            "recorded before" => AConsent(recordedOn: new DateOnly(2026, 2, 28)),
            _ => AConsent(),
        };

        later.Renews(earlier).Should().BeFalse();
    }

    private static Consent AConsent(
        DateOnly? recordedOn = null,
        DateOnly? reviewOn = null,
        DateOnly? defaultReviewOn = null,
        ConsentStatus status = ConsentStatus.Given,
        Scheme purpose = Scheme.Fit,
        AgencyCode? owner = null,
        PersonId? person = null,
        Guid? recordedBy = null,
        string[]? recipients = null)
    {
        var recorded = recordedOn ?? new DateOnly(2026, 6, 1);
        return Consent.Record(
            new ConsentDecision(
                person ?? Person,
                purpose,
                (recipients ?? ["HOUSING"]).Select(AgencyCode.Parse).ToList(),
                [DataCategory.ChildrenSafeguarding],
                status,
                ConsentGivenBy.Self,
                recorded,
                reviewOn,
                null),
            owner ?? Fit,
            recordedBy ?? Recorder,
            defaultReviewOn ?? recorded.AddMonths(12),
            Today);
    }
}
