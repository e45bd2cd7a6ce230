using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Sharing;

using static CaseManager.Domain.UnitTests.SharingExamples;

namespace CaseManager.Domain.UnitTests;

public sealed class CaseReaderTests
{
    private static readonly Dictionary<AgencyCode, IReadOnlySet<Scheme>> Schemes = new()
    {
        [Police] = new HashSet<Scheme> { Scheme.Iom },
        [Probation] = new HashSet<Scheme> { Scheme.Iom },
        [Fit] = new HashSet<Scheme> { Scheme.TroubledFamilies },
        [Daat] = new HashSet<Scheme> { Scheme.Iom, Scheme.TroubledFamilies },
    };

    [Fact]
    public void ACaseIsReadByEachOtherPartyOfAnAgreementCoveringItsCategory_NotByItsOwner()
    {
        var iom = Agreement([Police, Probation], [DataCategory.Offending], [Scheme.Iom], consent: false);
        var policeCase = Case(Police, DataCategory.Offending);

        var readers = Derive([policeCase], [iom]);

        var reader = readers.Should().ContainSingle("police own it; probation reads it under the IOM agreement").Subject;
        reader.ReaderAgency.Should().Be(Probation);
        reader.CaseId.Should().Be(policeCase.Id);
        (reader.Scheme, reader.Status).Should().Be((Scheme.Iom, CaseStatus.Active), "a caseload counts readers by the case's scheme and status");
        reader.ValidFrom.Should().Be(iom.ValidFrom);
        reader.ValidTo.Should().Be(DateOnly.MaxValue, "the agreement is open-ended");
    }

    [Fact]
    public void AnOwnerOutsideTheAgreement_OrAnotherCategory_OrAVictimSensitiveCase_GetsNoReader()
    {
        var iom = Agreement([Police, Probation], [DataCategory.Offending], [Scheme.Iom], consent: false);

        Derive([Case(Daat, DataCategory.Offending)], [iom]).Should().BeEmpty("DAAT is not a party, so its records are not shared by this agreement");
        Derive([Case(Police, DataCategory.HealthSubstanceMisuse)], [iom]).Should().BeEmpty("the agreement does not cover health data");
        Derive([Case(Police, DataCategory.VictimSensitive)], [iom]).Should().BeEmpty("victim-sensitive records are never shared by agreement alone (no agreement may list them)");
    }

    [Fact]
    public void TwoRightsOfOneReaderThatOverlap_AreOneReader_SoTheCaseIsCountedOnce()
    {
        var first = Agreement([Police, Probation], [DataCategory.Offending], [Scheme.Iom], consent: false, to: Today.AddDays(10));
        var second = Agreement([Police, Probation], [DataCategory.Offending], [Scheme.Iom], consent: false, from: Today.AddDays(-5));

        var readers = Derive([Case(Police, DataCategory.Offending)], [first, second]);

        var reader = readers.Should().ContainSingle().Subject;
        (reader.ValidFrom, reader.ValidTo).Should().Be((first.ValidFrom, DateOnly.MaxValue));
    }

    [Fact]
    public void Spans_AreJoinedWhereTheyOverlapOrTouch_AndKeptApartWhereADayLiesBetween()
    {
        var joined = CaseReader.Joined(
        [
            (Today.AddDays(20), Today.AddDays(30)),
            (Today, Today.AddDays(9)),
            (Today.AddDays(10), Today.AddDays(12)),
            (Today.AddDays(5), Today.AddDays(6)),
            (Today.AddDays(40), DateOnly.MaxValue),
            (Today.AddDays(50), Today.AddDays(60)),
            (Today.AddDays(3), Today.AddDays(2)),
        ]).ToList();

        joined.Should().Equal(
            [(Today, Today.AddDays(12)), (Today.AddDays(20), Today.AddDays(30)), (Today.AddDays(40), DateOnly.MaxValue)],
            "day 13 to 19 and 31 to 39 are covered by nothing, and an empty span covers nothing");
    }

    [Fact]
    public void ConsentRightsOfTwoCategories_GiveReadersOnlyForTheCasesOfThoseCategories()
    {
        var thinkFamily = Agreement([Fit, Daat], [DataCategory.ChildrenSafeguarding, DataCategory.HealthSubstanceMisuse], [Scheme.TroubledFamilies], consent: true);
        var consent = Sharing.Consent.Record(
            new ConsentDecision(Adam, Scheme.TroubledFamilies, [Daat], [DataCategory.ChildrenSafeguarding], ConsentStatus.Given, ConsentGivenBy.Self, Today.AddDays(-1), Today.AddDays(100), null),
            Fit,
            Guid.NewGuid(),
            Today.AddDays(100),
            Today);
        var family = Case(Fit, DataCategory.ChildrenSafeguarding, Scheme.TroubledFamilies);
        var health = Case(Fit, DataCategory.HealthSubstanceMisuse, Scheme.TroubledFamilies);

        var rights = SharingRight.Derive([new Enrolment(Adam, Scheme.TroubledFamilies)], [thinkFamily], [consent], Schemes).ToList();
        var readers = CaseReader.Derive([family, health], rights, Parties([thinkFamily])).ToList();

        var reader = readers.Should().ContainSingle("the consent names DAAT for safeguarding data only").Subject;
        reader.CaseId.Should().Be(family.Id);
        (reader.ValidFrom, reader.ValidTo).Should().Be((Today.AddDays(-1), Today.AddDays(100)), "a reader counts while the consent does");
        reader.CountsOn(Today.AddDays(101)).Should().BeFalse();
    }

    private static List<CaseReader> Derive(CaseFacts[] cases, SharingAgreement[] agreements)
    {
        var enrolments = cases.Select(c => new Enrolment(c.Subjects[0].PersonId, c.Scheme)).ToList();
        var rights = SharingRight.Derive(enrolments, agreements, [], Schemes).ToList();
        return CaseReader.Derive(cases, rights, Parties(agreements)).ToList();
    }

    private static Dictionary<SharingAgreementId, IReadOnlySet<AgencyCode>> Parties(SharingAgreement[] agreements) =>
        agreements.ToDictionary(a => a.Id, a => (IReadOnlySet<AgencyCode>)a.Agencies.Select(p => p.Agency).ToHashSet());

    private static CaseFacts Case(AgencyCode owner, DataCategory category, Scheme scheme = Scheme.Iom) =>
        new(new CaseId(Guid.NewGuid()), Adam, owner, category, scheme, CaseStatus.Active);

}
