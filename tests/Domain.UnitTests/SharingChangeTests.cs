using CaseManager.Domain.Agencies;
using CaseManager.Domain.Sharing;

namespace CaseManager.Domain.UnitTests;

/// <summary>
/// ADR 0026 (DOMAIN.md IS7 (2), IS5): each kind of change to an agreement or an agency's schemes either revokes at once
/// (anything that could take access away) or grants later (only more access), never the other way round.
/// </summary>
public sealed class SharingChangeTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    private static readonly AgreementScope Base = new(
        Set("POLICE", "PROBATION"),
        new HashSet<DataCategory> { DataCategory.Identity, DataCategory.Offending },
        new HashSet<Scheme> { Scheme.Iom },
        ConsentRequired: false,
        Start,
        new DateOnly(2027, 12, 31));

    public static TheoryData<string, AgreementScope?, AgreementScope?, SharingChangeEffect> AgreementChanges => new()
    {
        { "created", null, Base, SharingChangeEffect.GrantLater },
        { "deleted", Base, null, SharingChangeEffect.RevokeNow },
        { "name only", Base, Base with { }, SharingChangeEffect.None },
        { "ended earlier", Base, Base with { ValidTo = new DateOnly(2026, 6, 30) }, SharingChangeEffect.RevokeNow },
        { "open end given an end", Base with { ValidTo = null }, Base, SharingChangeEffect.RevokeNow },
        { "end extended", Base, Base with { ValidTo = new DateOnly(2028, 12, 31) }, SharingChangeEffect.GrantLater },
        { "end removed", Base, Base with { ValidTo = null }, SharingChangeEffect.GrantLater },
        { "starts later", Base, Base with { ValidFrom = Start.AddDays(1) }, SharingChangeEffect.RevokeNow },
        { "starts earlier", Base, Base with { ValidFrom = Start.AddDays(-1) }, SharingChangeEffect.GrantLater },
        { "category removed", Base, Base with { Categories = new HashSet<DataCategory> { DataCategory.Identity } }, SharingChangeEffect.RevokeNow },
        { "category added", Base, Base with { Categories = new HashSet<DataCategory> { DataCategory.Identity, DataCategory.Offending, DataCategory.HealthSubstanceMisuse } }, SharingChangeEffect.GrantLater },
        { "category swapped", Base, Base with { Categories = new HashSet<DataCategory> { DataCategory.Identity, DataCategory.HealthSubstanceMisuse } }, SharingChangeEffect.RevokeNow },
        { "purpose removed", Base with { Purposes = new HashSet<Scheme> { Scheme.Iom, Scheme.Fit } }, Base, SharingChangeEffect.RevokeNow },
        { "purpose added", Base, Base with { Purposes = new HashSet<Scheme> { Scheme.Iom, Scheme.Fit } }, SharingChangeEffect.GrantLater },
        { "consent newly required", Base, Base with { ConsentRequired = true }, SharingChangeEffect.RevokeNow },
        { "consent no longer required", Base with { ConsentRequired = true }, Base, SharingChangeEffect.GrantLater },
        { "party removed", Base with { Agencies = Set("POLICE", "PROBATION", "YOS") }, Base, SharingChangeEffect.RevokeNow },

        // The rule checks a record's owner against the parties as it reads: kept rows would share the new party's records at once.
        { "party added", Base, Base with { Agencies = Set("POLICE", "PROBATION", "YOS") }, SharingChangeEffect.RevokeNow },
        { "wider and narrower at once", Base, Base with { ValidTo = null, Categories = new HashSet<DataCategory> { DataCategory.Identity } }, SharingChangeEffect.RevokeNow },
    };

    public static TheoryData<string, Scheme[]?, Scheme[]?, SharingChangeEffect> AgencyChanges => new()
    {
        { "agency added", null, [Scheme.Iom], SharingChangeEffect.GrantLater },
        { "agency removed", [Scheme.Iom], null, SharingChangeEffect.RevokeNow },
        { "scheme joined", [Scheme.Iom], [Scheme.Iom, Scheme.Fit], SharingChangeEffect.GrantLater },
        { "scheme left", [Scheme.Iom, Scheme.Fit], [Scheme.Iom], SharingChangeEffect.RevokeNow },
        { "scheme swapped", [Scheme.Iom], [Scheme.Fit], SharingChangeEffect.RevokeNow },
        { "same schemes", [Scheme.Iom], [Scheme.Iom], SharingChangeEffect.None },
    };

    [Theory]
    [MemberData(nameof(AgreementChanges))]
    public void OfAgreement_ClassifiesEachKindOfChange(string change, AgreementScope? before, AgreementScope? after, SharingChangeEffect expected) =>
        SharingChange.OfAgreement(before, after).Should().Be(expected, change);

    [Theory]
    [MemberData(nameof(AgencyChanges))]
    public void OfAgencySchemes_ClassifiesEachKindOfChange(string change, Scheme[]? before, Scheme[]? after, SharingChangeEffect expected) =>
        SharingChange.OfAgencySchemes(before?.ToHashSet(), after?.ToHashSet()).Should().Be(expected, change);

    [Fact]
    public void Derivation_CarriesOnFromItsCursor_AndCountsPeopleAddedWhileItRuns()
    {
        var at = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var derivation = SharingRightDerivation.Request("Agreement \"IOM\" created", revokedAtOnce: false, people: 4, at);
        derivation.Status.Should().Be(SharingRightDerivationStatus.Queued);

        derivation.Start(people: 5, at);
        derivation.Advance(3, new People.PersonId(Guid.CreateVersion7()));
        derivation.Start(people: 99, at.AddMinutes(1));
        var last = new People.PersonId(Guid.CreateVersion7());
        derivation.Advance(3, last);

        derivation.Should().BeEquivalentTo(new { Status = SharingRightDerivationStatus.Running, Done = 6, Total = 6, Cursor = (People.PersonId?)last, StartedAt = (DateTimeOffset?)at });
        derivation.Finish(at.AddMinutes(2));
        derivation.IsUnfinished.Should().BeFalse();
        derivation.Supersede(at.AddMinutes(3));
        derivation.Status.Should().Be(SharingRightDerivationStatus.Finished, "a finished derivation is not superseded");
    }

    private static HashSet<AgencyCode> Set(params string[] codes) => codes.Select(AgencyCode.Parse).ToHashSet();
}
