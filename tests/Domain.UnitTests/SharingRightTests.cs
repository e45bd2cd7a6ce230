using CaseManager.Domain.Agencies;
using CaseManager.Domain.Sharing;

using static CaseManager.Domain.UnitTests.SharingExamples;

namespace CaseManager.Domain.UnitTests;

public sealed class SharingRightTests
{
    private static readonly Dictionary<AgencyCode, IReadOnlySet<Scheme>> Schemes = new()
    {
        [Police] = new HashSet<Scheme> { Scheme.Iom },
        [Probation] = new HashSet<Scheme> { Scheme.Iom },
        [Fit] = new HashSet<Scheme> { Scheme.Fit, Scheme.TroubledFamilies },
        [Daat] = new HashSet<Scheme> { Scheme.AdultTreatment, Scheme.TroubledFamilies },
    };

    [Fact]
    public void AnAgreementWithoutConsent_LetsEachPartyReadItsCategories_WhileTheAgreementRuns()
    {
        var iom = Agreement([Police, Probation], [DataCategory.Offending, DataCategory.Identity], [Scheme.Iom], consent: false, to: Today.AddDays(30));

        var rights = SharingRight.Derive([new Enrolment(Adam, Scheme.Iom)], [iom], [], Schemes).ToList();

        rights.Select(r => (r.ReaderAgency, r.DataCategory)).Should().BeEquivalentTo(
            [(Probation, DataCategory.Offending), (Police, DataCategory.Offending), (Probation, DataCategory.Identity), (Police, DataCategory.Identity)],
            "each party may read the categories; whose records is checked against the parties when reading");
        rights.Should().AllSatisfy(r =>
        {
            r.ConsentId.Should().BeNull();
            r.ValidFrom.Should().Be(iom.ValidFrom);
            r.ValidTo.Should().Be(Today.AddDays(30));
            r.CountsOn(Today).Should().BeTrue();
            r.CountsOn(Today.AddDays(31)).Should().BeFalse();
        });
    }

    [Fact]
    public void NoEnrolmentInAPurpose_OrAReaderNotTakingPart_GivesNoRight()
    {
        var iom = Agreement([Police, Probation, Fit], [DataCategory.Offending], [Scheme.Iom], consent: false);

        var notEnrolled = SharingRight.Derive([new Enrolment(Adam, Scheme.Fit)], [iom], [], Schemes);
        var enrolled = SharingRight.Derive([new Enrolment(Adam, Scheme.Iom)], [iom], [], Schemes).ToList();

        notEnrolled.Should().BeEmpty("the person is in none of the agreement's purposes");
        enrolled.Should().NotContain(r => r.ReaderAgency == Fit, "FIT is a party but does not take part in IOM");
        enrolled.Select(r => r.ReaderAgency).Should().BeEquivalentTo([Police, Probation], "a party that takes part may still read FIT's records");
    }

    [Fact]
    public void AnAgreementNeedingConsent_GivesRightsOnlyToNamedRecipients_ForConsentedCategories_UntilTheReviewDate()
    {
        var thinkFamily = Agreement([Fit, Daat], [DataCategory.Identity, DataCategory.HealthSubstanceMisuse], [Scheme.TroubledFamilies], consent: true);
        var given = Consent(Scheme.TroubledFamilies, [Daat], [DataCategory.Identity], recordedOn: Today.AddDays(-10), reviewOn: Today.AddDays(355));
        var otherPurpose = Consent(Scheme.AdultTreatment, [Daat, Fit], [DataCategory.Identity, DataCategory.HealthSubstanceMisuse], recordedOn: Today.AddDays(-10), reviewOn: Today.AddDays(355));

        var rights = SharingRight.Derive([new Enrolment(Adam, Scheme.TroubledFamilies)], [thinkFamily], [given, otherPurpose], Schemes).ToList();

        var right = rights.Should().ContainSingle("only DAAT is named, only for identity, and only for Troubled Families").Subject;
        right.ReaderAgency.Should().Be(Daat);
        right.DataCategory.Should().Be(DataCategory.Identity);
        right.ConsentId.Should().Be(given.Id);
        right.ValidFrom.Should().Be(Today.AddDays(-10), "the consent was given after the agreement began");
        right.ValidTo.Should().Be(Today.AddDays(355), "the consent must be reviewed before the open-ended agreement ends");
    }

    [Fact]
    public void APersonInTwoPurposesOfOneAgreement_GetsEachRightOnce()
    {
        var thinkFamily = Agreement([Fit, Daat], [DataCategory.Identity], [Scheme.Fit, Scheme.TroubledFamilies], consent: false);

        var rights = SharingRight.Derive([new Enrolment(Adam, Scheme.Fit), new Enrolment(Adam, Scheme.TroubledFamilies)], [thinkFamily], [], Schemes).ToList();

        rights.Select(r => r.ReaderAgency).Should().BeEquivalentTo([Fit, Daat], "DAAT takes part in Troubled Families, FIT in both");
    }

    [Fact]
    public void WithdrawnOrRefusedConsent_GivesNoRight()
    {
        var thinkFamily = Agreement([Fit, Daat], [DataCategory.Identity], [Scheme.TroubledFamilies], consent: true);
        var withdrawn = Consent(Scheme.TroubledFamilies, [Daat], [DataCategory.Identity], recordedOn: Today.AddDays(-10), reviewOn: Today.AddDays(355));
        withdrawn.Withdraw("Asked us to stop", Guid.NewGuid(), Now);
        var refused = Consent(Scheme.TroubledFamilies, [Daat], [DataCategory.Identity], recordedOn: Today.AddDays(-10), reviewOn: Today.AddDays(355), ConsentStatus.Refused);

        var rights = SharingRight.Derive([new Enrolment(Adam, Scheme.TroubledFamilies)], [thinkFamily], [withdrawn, refused], Schemes);

        rights.Should().BeEmpty();
    }

    [Fact]
    public void AConsentGivenAfterTheAgreementEnded_GivesNoRight()
    {
        var ended = Agreement([Fit, Daat], [DataCategory.Identity], [Scheme.TroubledFamilies], consent: true, to: Today.AddDays(-20));
        var late = Consent(Scheme.TroubledFamilies, [Daat], [DataCategory.Identity], recordedOn: Today.AddDays(-10), reviewOn: Today.AddDays(355));

        var rights = SharingRight.Derive([new Enrolment(Adam, Scheme.TroubledFamilies)], [ended], [late], Schemes);

        rights.Should().BeEmpty("the two never held on the same day");
    }

    private static Consent Consent(Scheme purpose, AgencyCode[] recipients, DataCategory[] categories, DateOnly recordedOn, DateOnly reviewOn, ConsentStatus status = ConsentStatus.Given) =>
        Sharing.Consent.Record(
            new ConsentDecision(Adam, purpose, recipients, categories, status, ConsentGivenBy.Self, recordedOn, reviewOn, null),
            Fit,
            Guid.NewGuid(),
            reviewOn,
            Today);
}
