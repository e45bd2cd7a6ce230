using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Users;
using CsCheck;

namespace CaseManager.Application.IntegrationTests.AccessModel;

/// <summary>
/// Generates small partnerships within what the domain allows. Worlds draw their schemes from a palette of one to
/// three so that agreements, enrolments, agency schemes and consents meet often; dates sit on the boundaries the
/// rule cares about (yesterday, today, tomorrow), and "now" includes moments when London is already on the next day.
/// </summary>
public static class WorldGenerator
{
    public static readonly string[] AgencyCodes = ["MA", "MB", "MC", "MD"];

    private static readonly DateTimeOffset[] Instants =
    [
        new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero),
        new(2026, 7, 15, 23, 30, 0, TimeSpan.Zero),
        new(2026, 3, 29, 0, 59, 59, TimeSpan.Zero),
        new(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
    ];

    private static readonly Scheme[] AllSchemes = Enum.GetValues<Scheme>();

    private static readonly DataCategory[] AllCategories = Enum.GetValues<DataCategory>();

    private static readonly DataCategory[] ShareableCategories = [.. AllCategories.Where(c => c != DataCategory.VictimSensitive)];

    private static readonly Gen<Role[]> RoleSets = Gen.Frequency<Role[]>(
        (3, [Role.Caseworker]), (2, [Role.Manager]), (2, [Role.ClaimsOfficer]), (2, [Role.InformationGovernance]),
        (1, [Role.Administrator]), (1, [Role.Administrator, Role.Caseworker]), (1, [Role.Caseworker, Role.Manager]));

    private static readonly TimeSpan[] GrantExpiries =
    [
        TimeSpan.FromHours(-24), TimeSpan.FromMilliseconds(-1), TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(20),
    ];

    public static Gen<World> World { get; } =
        from now in Gen.OneOf(Instants)
        from agencyCount in Gen.Int[2, AgencyCodes.Length]
        from palette in Subset(AllSchemes, 30).Where(p => p.Length is >= 1 and <= 3)
        from agencySchemes in Subset(palette, 70).Array[agencyCount]
        from users in Gen.Select(Gen.Int[0, agencyCount - 1], RoleSets).Array[2, 5]
        from owners in Gen.Int[0, agencyCount - 1].Array[2, 5]
        from cases in CaseGen(owners.Length, agencyCount, palette).Array[0, 8]
        from agreements in AgreementGen(agencyCount, palette).Array[0, 4]
        from consents in ConsentGen(owners.Length, agencyCount, palette).Array[1, 8]
        from grants in Gen.Select(Gen.Int[0, users.Length - 1], Gen.Int[0, owners.Length - 1], Gen.OneOf(GrantExpiries)).Array[0, 3]
        from households in HouseholdGen(owners.Length, agencyCount).Array[0, 2]
        from familyCases in FamilyCaseGen(households.Length, agencyCount, palette).Array[households.Length == 0 ? 0 : 1, households.Length == 0 ? 0 : 3]
        select WithFamilies(Build(now, agencySchemes, users, owners, cases, agreements, consents, grants), households, familyCases);

    /// <summary>A household owned by one agency, each person a member at most once, on days around today (IS7b's edges).</summary>
    private static Gen<HouseholdSpec> HouseholdGen(int people, int agencies) =>
        Gen.Select(
            Gen.Int[0, agencies - 1],
            Gen.Select(Gen.OneOf(-400, -1, 0, 1), Gen.Frequency((3, (int?)null), (1, -1), (1, 0), (1, 1), (1, 30)), Gen.Int[0, 99]).Array[people],
            (owner, members) => new HouseholdSpec(owner, [.. members
                .Select((m, person) => (Person: person, From: m.Item1, To: m.Item2, Draw: m.Item3))
                .Where(m => m.Draw < 60)
                .Select(m => (m.Person, m.From, m.To is { } to ? Math.Max(m.From, to) : (int?)null))]));

    private static Gen<WorldFamilyCase> FamilyCaseGen(int households, int agencies, Scheme[] palette)
    {
        var family = palette.Where(s => s is Scheme.Fit or Scheme.HighImpactHousehold or Scheme.TroubledFamilies).ToArray();
        return Gen.Select(
            Gen.Int[0, Math.Max(0, households - 1)],
            Gen.OneOf(family.Length > 0 ? family : [Scheme.Fit, Scheme.TroubledFamilies]),
            Gen.Int[0, agencies - 1],
            Gen.Frequency((4, CaseStatus.Active), (2, CaseStatus.Exited)),
            Gen.Frequency((3, DataCategory.ChildrenSafeguarding), (1, DataCategory.Identity), (1, DataCategory.VictimSensitive)),
            (household, scheme, owner, status, category) => new WorldFamilyCase(0, household, scheme, owner, status, category));
    }

    private static World WithFamilies(World world, HouseholdSpec[] households, WorldFamilyCase[] familyCases) => world with
    {
        Households = [.. households.Select((h, i) => new WorldHousehold(i, h.Owner, [.. h.Members.Select(m =>
            new WorldMembership(m.Person, world.Today.AddDays(m.From), m.To is { } to ? world.Today.AddDays(to) : null))]))],
        FamilyCases = [.. familyCases.Select((f, i) => f with { Index = i })],
    };

    /// <summary>Each value is in with the given chance; shrinks towards taking them all.</summary>
    private static Gen<T[]> Subset<T>(T[] values, int percent) =>
        Gen.Int[0, 99].Array[values.Length].Select(draws => values.Where((_, i) => draws[i] < percent).ToArray());

    private static Gen<CaseSpec> CaseGen(int people, int agencies, Scheme[] palette) =>
        Gen.Select(
            Gen.Int[0, people - 1],
            Gen.OneOf(palette),
            Gen.Int[0, agencies - 1],
            Gen.Frequency((4, CaseStatus.Active), (2, CaseStatus.Exited), (1, CaseStatus.ExitNominated)),
            Gen.Int[0, (2 * AllCategories.Length) - 1].Select(i => i < AllCategories.Length ? null : (DataCategory?)AllCategories[i - AllCategories.Length]),
            (person, scheme, owner, status, relabel) => new CaseSpec(person, scheme, owner, status, relabel));

    private static Gen<AgreementSpec> AgreementGen(int agencies, Scheme[] palette) =>
        Gen.Select(
            Subset([.. Enumerable.Range(0, agencies)], 60).Where(a => a.Length >= 2),
            Subset(ShareableCategories, 60).Where(c => c.Length > 0),
            Subset(palette, 60).Where(p => p.Length > 0),
            Gen.Frequency((3, true), (2, false)),
            Gen.Frequency((4, -400), (1, -1), (1, 0), (1, 1)),
            Gen.Frequency((4, (int?)null), (1, -1), (1, 0), (1, 1), (1, 30)),
            Gen.Int[0, 5].Select(i => i == 5),
            (agencyList, categories, purposes, consentRequired, from, to, ended) =>
                new AgreementSpec(agencyList, categories, purposes, consentRequired, from, to, ended));

    private static Gen<ConsentSpec> ConsentGen(int people, int agencies, Scheme[] palette) =>
        Gen.Select(
            Gen.Select(Gen.Int[0, people - 1], Gen.Int[0, agencies - 1], Gen.OneOf(palette)),
            Subset([.. Enumerable.Range(0, agencies)], 60).Where(r => r.Length > 0),
            Subset(AllCategories, 70).Where(c => c.Length > 0),
            Gen.Frequency((4, ConsentStatus.Given), (1, ConsentStatus.Refused), (1, ConsentStatus.Withdrawn)),
            Gen.OneOf(-400, -30, -1, 0),
            Gen.Frequency((4, 365), (1, 1), (1, 0), (1, -1), (1, -30)),
            (who, recipients, categories, status, recorded, review) =>
                new ConsentSpec(who.Item1, who.Item2, who.Item3, recipients, categories, status, recorded, review));

    private static World Build(
        DateTimeOffset now,
        Scheme[][] agencySchemes,
        (int Agency, Role[] Roles)[] users,
        int[] owners,
        CaseSpec[] cases,
        AgreementSpec[] agreements,
        ConsentSpec[] consents,
        (int User, int Person, TimeSpan Expiry)[] grants)
    {
        var world = new World(now, [], [], [], [], [], [], []);
        var today = world.Today;
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        return world with
        {
            Agencies = [.. agencySchemes.Select((schemes, i) => new WorldAgency(AgencyCodes[i], schemes))],
            Users = [.. users.Select((u, i) => new WorldUser(i, u.Agency, u.Roles))],
            People = [.. owners.Select((owner, i) => new WorldPerson(i, owner))],
            Cases = [.. cases.Select((c, i) => new WorldCase(
                i, c.Person, c.Scheme, c.Owner, c.Status, c.Relabel ?? Case.CategoryOf(c.Scheme), c.Relabel is { } relabel && relabel != Case.CategoryOf(c.Scheme)))],
            Agreements = [.. agreements.Select((a, i) =>
            {
                var from = today.AddDays(a.From);
                DateOnly? to = a.To is { } days ? Max(from, today.AddDays(days)) : null;
                return new WorldAgreement(i, a.Agencies, a.Categories, a.Purposes, a.ConsentRequired, from, to, a.Ended);
            })],
            Consents = [.. consents.Select((k, i) =>
            {
                var review = today.AddDays(k.Review);
                var recorded = Min(Min(today.AddDays(k.Recorded), utcToday), review.AddDays(-1));
                return new WorldConsent(i, k.Person, k.Owner, k.Purpose, k.Recipients, k.Categories, k.Status, recorded, review);
            })],
            Grants = [.. grants.Select((g, i) => new WorldGrant(i, g.User, g.Person, now + g.Expiry))],
        };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed record HouseholdSpec(int Owner, (int Person, int From, int? To)[] Members);

    private sealed record CaseSpec(int Person, Scheme Scheme, int Owner, CaseStatus Status, DataCategory? Relabel);

    private sealed record AgreementSpec(int[] Agencies, DataCategory[] Categories, Scheme[] Purposes, bool ConsentRequired, int From, int? To, bool Ended);

    private sealed record ConsentSpec(int Person, int Owner, Scheme Purpose, int[] Recipients, DataCategory[] Categories, ConsentStatus Status, int Recorded, int Review);
}
