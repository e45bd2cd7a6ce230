using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;

using static CaseManager.Domain.UnitTests.SharingExamples;

namespace CaseManager.Domain.UnitTests;

/// <summary>DOMAIN.md IS7b: a household's family case enrols its members in its scheme on the days of their membership.</summary>
public sealed class FamilySharingTests
{
    private static readonly PersonId Beth = new(Guid.Parse("00000000-0000-0000-0000-00000000000b"));

    private static readonly Dictionary<AgencyCode, IReadOnlySet<Scheme>> Schemes = new()
    {
        [Fit] = new HashSet<Scheme> { Scheme.TroubledFamilies },
        [Daat] = new HashSet<Scheme> { Scheme.TroubledFamilies },
    };

    [Fact]
    public void AMembershipEnrolment_CutsTheRightToTheDaysOfTheMembership()
    {
        var thinkFamily = Agreement([Fit, Daat], [DataCategory.Identity], [Scheme.TroubledFamilies], consent: false);

        var rights = SharingRight.Derive(
            [new Enrolment(Adam, Scheme.TroubledFamilies, Today.AddDays(-10), Today.AddDays(5))], [thinkFamily], [], Schemes).ToList();

        rights.Should().HaveCount(2).And.AllSatisfy(r =>
        {
            (r.ValidFrom, r.ValidTo).Should().Be((Today.AddDays(-10), Today.AddDays(5)));
            r.CountsOn(Today.AddDays(6)).Should().BeFalse("the membership ended the day before");
        });
    }

    [Fact]
    public void AMembershipThatEndedBeforeTheAgreementStarted_GivesNoRight()
    {
        var thinkFamily = Agreement([Fit, Daat], [DataCategory.Identity], [Scheme.TroubledFamilies], consent: false, from: Today);

        var rights = SharingRight.Derive(
            [new Enrolment(Adam, Scheme.TroubledFamilies, Today.AddDays(-30), Today.AddDays(-1))], [thinkFamily], [], Schemes);

        rights.Should().BeEmpty();
    }

    [Fact]
    public void AConsentRight_CountsOnlyWhileBothTheConsentAndTheMembershipDo()
    {
        var thinkFamily = Agreement([Fit, Daat], [DataCategory.Identity], [Scheme.TroubledFamilies], consent: true);
        var consent = Consent.Record(
            new ConsentDecision(Adam, Scheme.TroubledFamilies, [Daat], [DataCategory.Identity], ConsentStatus.Given, ConsentGivenBy.Self, Today.AddDays(-20), Today.AddDays(50), null),
            Fit, Guid.NewGuid(), Today.AddDays(50), Today);

        var rights = SharingRight.Derive(
            [new Enrolment(Adam, Scheme.TroubledFamilies, Today.AddDays(-40), Today.AddDays(10))], [thinkFamily], [consent], Schemes).ToList();

        var right = rights.Should().ContainSingle().Subject;
        (right.ValidFrom, right.ValidTo).Should().Be((Today.AddDays(-20), Today.AddDays(10)));
    }

    [Fact]
    public void AFamilyCase_IsReadOnTheDaysAnyMembersRightCounts_JoinedIntoOneSpan()
    {
        var thinkFamily = Agreement([Fit, Daat], [DataCategory.ChildrenSafeguarding], [Scheme.TroubledFamilies], consent: false);
        var enrolments = new[]
        {
            new Enrolment(Adam, Scheme.TroubledFamilies, Today.AddDays(-30), Today.AddDays(-11)),
            new Enrolment(Beth, Scheme.TroubledFamilies, Today.AddDays(-10), null),
        };
        var rights = SharingRight.Derive(enrolments, [thinkFamily], [], Schemes).ToList();
        var familyCase = new CaseFacts(
            new CaseId(Guid.NewGuid()),
            [new CaseSubject(Adam, Today.AddDays(-30), Today.AddDays(-11)), new CaseSubject(Beth, Today.AddDays(-10), DateOnly.MaxValue)],
            Fit,
            DataCategory.ChildrenSafeguarding,
            Scheme.TroubledFamilies,
            CaseStatus.Active);

        var readers = CaseReader.Derive([familyCase], rights, new Dictionary<SharingAgreementId, IReadOnlySet<AgencyCode>>
        {
            [thinkFamily.Id] = new HashSet<AgencyCode> { Fit, Daat },
        }).ToList();

        var reader = readers.Should().ContainSingle("FIT owns the case; DAAT reads it through either member").Subject;
        reader.ReaderAgency.Should().Be(Daat);
        (reader.ValidFrom, reader.ValidTo).Should().Be((Today.AddDays(-30), DateOnly.MaxValue), "the two memberships touch, so the spans join");
    }

    [Fact]
    public void AFamilyCase_IsNotReadThroughAMembersRightFromOutsideTheMembership()
    {
        var thinkFamily = Agreement([Fit, Daat], [DataCategory.ChildrenSafeguarding], [Scheme.TroubledFamilies], consent: false);
        var rights = SharingRight.Derive([new Enrolment(Adam, Scheme.TroubledFamilies)], [thinkFamily], [], Schemes).ToList();
        var familyCase = new CaseFacts(
            new CaseId(Guid.NewGuid()),
            [new CaseSubject(Adam, Today.AddDays(-30), Today.AddDays(-11))],
            Fit,
            DataCategory.ChildrenSafeguarding,
            Scheme.TroubledFamilies,
            CaseStatus.Active);

        var readers = CaseReader.Derive([familyCase], rights, new Dictionary<SharingAgreementId, IReadOnlySet<AgencyCode>>
        {
            [thinkFamily.Id] = new HashSet<AgencyCode> { Fit, Daat },
        }).ToList();

        var reader = readers.Should().ContainSingle().Subject;
        reader.CountsOn(Today).Should().BeFalse("Adam's own enrolment lets DAAT read Adam's records, not the family's case after he left");
        reader.ValidTo.Should().Be(Today.AddDays(-11));
    }
}
