using System.Globalization;
using System.Text;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Users;

namespace CaseManager.Application.IntegrationTests.AccessModel;

/// <summary>
/// One generated partnership, as plain data: what the model test writes to the database through the domain's
/// factories, and what <see cref="AccessReference"/> reads. Agencies, users and every kind of record are referred to
/// by their position, and printed by short labels (MA, U1, P1, C1, K1, A1, G1) so a shrunk example reads as a story.
/// </summary>
public sealed record World(
    DateTimeOffset Now,
    IReadOnlyList<WorldAgency> Agencies,
    IReadOnlyList<WorldUser> Users,
    IReadOnlyList<WorldPerson> People,
    IReadOnlyList<WorldCase> Cases,
    IReadOnlyList<WorldAgreement> Agreements,
    IReadOnlyList<WorldConsent> Consents,
    IReadOnlyList<WorldGrant> Grants)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Households with dated memberships (DOMAIN.md FAM2), labelled H1, H2.</summary>
    public IReadOnlyList<WorldHousehold> Households { get; init; } = [];

    /// <summary>Family cases of households (FAM3), labelled F1, F2: they enrol the members on their days (IS7b).</summary>
    public IReadOnlyList<WorldFamilyCase> FamilyCases { get; init; } = [];

    /// <summary>The partnership's date: the calendar day in London at <see cref="Now"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, London).DateTime);

    /// <summary>
    /// Every record the read paths can return: people (Identity), cases, consents (Identity), and derived from them
    /// one intervention per case and one offence per person. An intervention is logged by an agency that need not own
    /// the case (joint working) and is offending or health data; an offence is offending data recorded by an agency
    /// other than the person's owner when there is one.
    /// </summary>
    public IEnumerable<WorldRecord> Records =>
        People.Select(p => new WorldRecord(p.Label, RecordKind.Person, p.Index, p.Owner, DataCategory.Identity))
            .Concat(Cases.Select(c => new WorldRecord(c.Label, RecordKind.Case, c.Person, c.Owner, c.Category)))
            .Concat(Consents.Select(k => new WorldRecord(k.Label, RecordKind.Consent, k.Person, k.Owner, DataCategory.Identity)))
            .Concat(Cases.Select(c => new WorldRecord(InterventionLabel(c), RecordKind.Intervention, c.Person, InterventionOwner(c), InterventionCategory(c))))
            .Concat(People.Select(p => new WorldRecord(OffenceLabel(p), RecordKind.Offence, p.Index, OffenceOwner(p), DataCategory.Offending)))
            .Concat(FamilyCases.Select(f => new WorldRecord(f.Label, RecordKind.FamilyCase, -1, f.Owner, f.Category, f.Household)))
            .Concat(Households.Select(h => new WorldRecord(h.Label, RecordKind.Household, -1, h.Owner, DataCategory.Identity, h.Index)))
            .Concat(Cases.Select(c => new WorldRecord(TreatmentInterventionLabel(c), RecordKind.TreatmentIntervention, c.Person, InterventionOwner(c), DataCategory.HealthSubstanceMisuse)))
            .Concat(Cases.Select(c => new WorldRecord(TopLabel(c), RecordKind.Top, c.Person, c.Owner, DataCategory.HealthSubstanceMisuse)))
            .Concat(Cases.Select(c => new WorldRecord(TreatmentEpisodeLabel(c), RecordKind.TreatmentEpisode, c.Person, c.Owner, DataCategory.HealthSubstanceMisuse)))
            .Concat(People.Select(p => new WorldRecord(AsbLabel(p), RecordKind.Asb, p.Index, AsbOwner(p), DataCategory.Offending)))
            .Concat(People.Select(p => new WorldRecord(EducationLabel(p), RecordKind.Education, p.Index, OffenceOwner(p), DataCategory.EducationEmploymentBenefits)))
            .Concat(People.Select(p => new WorldRecord(EmploymentLabel(p), RecordKind.Employment, p.Index, p.Owner, DataCategory.EducationEmploymentBenefits)))
            .Concat(FamilyCases.Select(f => new WorldRecord(FamilyCriterionLabel(f), RecordKind.LocalCriterion, -1, CriterionOwner(f), CriterionCategory(f), f.Household)))
            .Concat(FamilyCases.Where(f => CriterionMember(f) is not null).Select(f =>
                new WorldRecord(MemberCriterionLabel(f), RecordKind.LocalCriterion, CriterionMember(f)!.Value, f.Owner, CriterionCategory(f), f.Household)))
            .Concat(FamilyCases.Select(f => new WorldRecord(FamilyNeedLabel(f), RecordKind.AssessmentNeed, -1, CriterionOwner(f), NeedAreas.CategoryOf(FamilyNeedArea(f)), f.Household)))
            .Concat(FamilyCases.Where(f => CriterionMember(f) is not null).Select(f =>
                new WorldRecord(MemberNeedLabel(f), RecordKind.AssessmentNeed, CriterionMember(f)!.Value, CriterionOwner(f), NeedAreas.CategoryOf(MemberNeedArea(f)), f.Household)));

    /// <summary>
    /// Per family case, one whole-family assessment (FAM1) recorded by another agency than the case's owner (as a lead
    /// professional of another agency would), with a need about the family and one about the member the member
    /// criterion is about; their areas, and so their data categories, vary with the case.
    /// </summary>
    public static string FamilyNeedLabel(WorldFamilyCase f) => $"NDF{f.Index + 1}";

    public static string MemberNeedLabel(WorldFamilyCase f) => $"NDM{f.Index + 1}";

    public static NeedArea FamilyNeedArea(WorldFamilyCase f) => NeedAreaAt(f.Index + (3 * f.Owner) + (int)f.Scheme + (int)f.Category);

    public static NeedArea MemberNeedArea(WorldFamilyCase f) => NeedAreaAt(f.Index + (5 * f.Owner) + (2 * (int)f.Category) + 1);

    private static NeedArea NeedAreaAt(int i) => Enum.GetValues<NeedArea>()[i % Enum.GetValues<NeedArea>().Length];

    /// <summary>
    /// Per family case, two plan actions (FAM1): one for the family and one for the criterion's member. They carry no
    /// category of their own: the plan is read as its family case is, and an action for a member the reader may not
    /// see is left out.
    /// </summary>
    public static string FamilyActionLabel(WorldFamilyCase f) => $"PAF{f.Index + 1}";

    public static string MemberActionLabel(WorldFamilyCase f) => $"PAM{f.Index + 1}";

    /// <summary>Outcome records (TF1, TF2, TF4): one of each per person, owned by different agencies in different categories.</summary>
    public static string AsbLabel(WorldPerson p) => $"ASB{p.Index + 1}";

    public int AsbOwner(WorldPerson p) => (p.Owner + 2) % Agencies.Count;

    public static string EducationLabel(WorldPerson p) => $"EDU{p.Index + 1}";

    public static string EmploymentLabel(WorldPerson p) => $"EMP{p.Index + 1}";

    /// <summary>
    /// Per family case, a local criterion about the family (read as the family case is, IS7b) recorded by another
    /// agency, and one about its first member who has joined by today (read as that person's record).
    /// </summary>
    public static string FamilyCriterionLabel(WorldFamilyCase f) => $"LCF{f.Index + 1}";

    public static string MemberCriterionLabel(WorldFamilyCase f) => $"LCM{f.Index + 1}";

    public int CriterionOwner(WorldFamilyCase f) => (f.Owner + 1) % Agencies.Count;

    public static DataCategory CriterionCategory(WorldFamilyCase f) => (f.Index % 3) switch
    {
        0 => DataCategory.ChildrenSafeguarding,
        1 => DataCategory.VictimSensitive,
        _ => DataCategory.HealthSubstanceMisuse,
    };

    public WorldMembership? CriterionMembership(WorldFamilyCase f) =>
        Households[f.Household].Memberships.FirstOrDefault(m => m.From <= Today);

    public int? CriterionMember(WorldFamilyCase f) => CriterionMembership(f)?.Person;

    /// <summary>Whether the person is a member of the household on the day.</summary>
    public bool IsMember(int household, int person, DateOnly day) =>
        Households[household].Memberships.Any(m => m.Person == person && m.From <= day && (m.To is null || day <= m.To));

    /// <summary>
    /// The day a timeline dates the record on, as <see cref="WorldDatabase"/> writes it (null for records no timeline
    /// shows): cases, treatment and TOPs thirty UTC days back, the intervention a minute before now, the offence,
    /// ASB, education and employment records 3, 5, 4 and 60 days back, a local criterion about a member on the first
    /// day of their membership and one about the family today.
    /// </summary>
    public DateOnly? TimelineDay(WorldRecord record)
    {
        var utcToday = DateOnly.FromDateTime(Now.UtcDateTime);
        return record.Kind switch
        {
            RecordKind.Case or RecordKind.FamilyCase or RecordKind.TreatmentIntervention or RecordKind.Top => utcToday.AddDays(-30),
            RecordKind.Intervention => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now.AddMinutes(-1), London).DateTime),
            RecordKind.Offence => Today.AddDays(-3),
            RecordKind.Asb => Today.AddDays(-5),
            RecordKind.Education => Today.AddDays(-4),
            RecordKind.Employment => Today.AddDays(-60),
            RecordKind.LocalCriterion when record.Person < 0 => Today,
            RecordKind.LocalCriterion => CriterionMembership(FamilyCases.Single(f => MemberCriterionLabel(f) == record.Label))!.From,
            _ => null,
        };
    }

    /// <summary>Treatment records (DT1, DT3) are always health data; the intervention's owner varies as work's does, the TOP's is the case's.</summary>
    public static string TreatmentInterventionLabel(WorldCase c) => $"TI{c.Index + 1}";

    public static string TopLabel(WorldCase c) => $"TOP{c.Index + 1}";

    /// <summary>The treatment episode (DT1) kept with each case, owned by the case's agency: keyed by the case, as it is stored.</summary>
    public static string TreatmentEpisodeLabel(WorldCase c) => $"TE{c.Index + 1}";

    public static string InterventionLabel(WorldCase c) => $"I{c.Index + 1}";

    public int InterventionOwner(WorldCase c) => (c.Owner + c.Index) % Agencies.Count;

    /// <summary>
    /// The kind of work logged on the case: on every other IOM case an alcohol treatment session, on every other
    /// treatment case a keywork session, otherwise an office appointment.
    /// </summary>
    public static InterventionType InterventionTypeOf(WorldCase c) => (c.Scheme, c.Index % 2) switch
    {
        (Scheme.Iom, 1) => InterventionType.AlcoholTreatmentSession,
        (Scheme.AdultTreatment or Scheme.YoungPeopleTreatment, 1) => InterventionType.Keywork,
        _ => InterventionType.OfficeAppointment,
    };

    /// <summary>The category the domain gives that work (DT5: anything on a treatment case is health data), not forced.</summary>
    public static DataCategory InterventionCategory(WorldCase c) => InterventionTypes.CategoryOf(InterventionTypeOf(c), c.Scheme);

    public static string OffenceLabel(WorldPerson p) => $"O{p.Index + 1}";

    public int OffenceOwner(WorldPerson p) => (p.Owner + 1) % Agencies.Count;

    /// <summary>How many users and records of every kind the world holds; smaller worlds are simpler examples.</summary>
    public int Size => Users.Count + People.Count + Cases.Count + Agreements.Count + Consents.Count + Grants.Count
        + Households.Sum(h => 1 + h.Memberships.Count) + FamilyCases.Count;

    public string AgencyCode(int agency) => Agencies[agency].Code;

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"now {Now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff}Z, partnership today {Today:yyyy-MM-dd}").AppendLine();
        text.Append("agencies: ").AppendJoin("; ", Agencies.Select(a => $"{a.Code} takes part in {Set(a.Schemes)}")).AppendLine();
        text.Append("users: ").AppendJoin("; ", Users.Select(u => $"{u.Label} of {AgencyCode(u.Agency)} {Set(u.Roles)}")).AppendLine();
        text.Append("people: ").AppendJoin("; ", People.Select(p => $"{p.Label} owned by {AgencyCode(p.Owner)}")).AppendLine();
        text.Append("cases: ").AppendJoin("; ", Cases.Select(Describe)).AppendLine();
        text.Append("agreements: ").AppendJoin("; ", Agreements.Select(Describe)).AppendLine();
        text.Append("consents: ").AppendJoin("; ", Consents.Select(Describe)).AppendLine();
        text.Append("grants: ").AppendJoin("; ", Grants.Select(g =>
            $"{g.Label} to {Users[g.User].Label} on {People[g.Person].Label} expires now{Offset(g.ExpiresAt - Now)}")).AppendLine();
        text.Append("households: ").AppendJoin("; ", Households.Select(h =>
            $"{h.Label} owned by {AgencyCode(h.Owner)} with " + string.Join(", ", h.Memberships.Select(m => $"{People[m.Person].Label} {Day(m.From)}..{(m.To is { } to ? Day(to) : "open")}"))))
            .AppendLine();
        text.Append("family cases: ").AppendJoin("; ", FamilyCases.Select(f => $"{f.Label} {Households[f.Household].Label} in {f.Scheme} owned by {AgencyCode(f.Owner)} {f.Category} {f.Status}"));
        return text.ToString();
    }

    public string Describe(WorldUser user) => $"{user.Label} of {AgencyCode(user.Agency)} {Set(user.Roles)}";

    public string Describe(WorldRecord record) => record.Kind switch
    {
        RecordKind.Person => $"{record.Label} (person owned by {AgencyCode(record.Owner)}, Identity)",
        RecordKind.Case => $"{record.Label} ({Describe(Cases.Single(c => c.Label == record.Label))})",
        RecordKind.Intervention => $"{record.Label} (intervention on C{record.Label[1..]} of {People[record.Person].Label} logged by {AgencyCode(record.Owner)}, {record.Category})",
        RecordKind.Offence => $"{record.Label} (offence of {People[record.Person].Label} recorded by {AgencyCode(record.Owner)}, Offending)",
        RecordKind.FamilyCase => $"{record.Label} (family case of {Households[record.Household].Label} owned by {AgencyCode(record.Owner)}, {record.Category})",
        RecordKind.Household => $"{record.Label} (household owned by {AgencyCode(record.Owner)})",
        RecordKind.TreatmentIntervention => $"{record.Label} (treatment intervention on C{record.Label[2..]} of {People[record.Person].Label} owned by {AgencyCode(record.Owner)}, HealthSubstanceMisuse)",
        RecordKind.Top => $"{record.Label} (TOP on C{record.Label[3..]} of {People[record.Person].Label} owned by {AgencyCode(record.Owner)}, HealthSubstanceMisuse)",
        RecordKind.TreatmentEpisode => $"{record.Label} (treatment episode of C{record.Label[2..]} of {People[record.Person].Label} owned by {AgencyCode(record.Owner)}, HealthSubstanceMisuse)",
        RecordKind.Asb or RecordKind.Education or RecordKind.Employment =>
            $"{record.Label} ({record.Kind} record of {People[record.Person].Label} owned by {AgencyCode(record.Owner)}, {record.Category})",
        RecordKind.AssessmentNeed => $"{record.Label} (assessment need on F{record.Label[3..]} of {Households[record.Household].Label} about "
            + $"{(record.Person < 0 ? "the family" : People[record.Person].Label)} owned by {AgencyCode(record.Owner)}, {record.Category})",
        RecordKind.LocalCriterion => $"{record.Label} (local criterion on F{record.Label[3..]} of {Households[record.Household].Label} about "
            + $"{(record.Person < 0 ? "the family" : People[record.Person].Label)} owned by {AgencyCode(record.Owner)}, {record.Category})",
        _ => $"{record.Label} (consent record of {People[record.Person].Label} owned by {AgencyCode(record.Owner)}, Identity)",
    };

    private string Describe(WorldCase c) =>
        $"{c.Label} {People[c.Person].Label} in {c.Scheme} owned by {AgencyCode(c.Owner)} {c.Category}{(c.Relabelled ? "*" : string.Empty)} {c.Status}{(c.Status == CaseStatus.ExitNominated ? "*" : string.Empty)}";

    private string Describe(WorldAgreement a) =>
        $"{a.Label} {string.Join("+", a.Agencies.Select(AgencyCode))} share {Set(a.Categories)} for {Set(a.Purposes)}"
        + $"{(a.ConsentRequired ? " with consent" : " without consent")} valid {Day(a.ValidFrom)}..{(a.ValidTo is { } to ? Day(to) : "open")}"
        + (a.Ended ? " ended now" : string.Empty);

    private string Describe(WorldConsent k) =>
        $"{k.Label} {People[k.Person].Label} for {k.Purpose} recorded by {AgencyCode(k.Owner)} to {Set(k.Recipients.Select(AgencyCode))}"
        + $" {Set(k.Categories)} {k.Status} on {Day(k.RecordedOn)} review {Day(k.ReviewOn)}";

    private string Day(DateOnly day) => day.DayNumber == Today.DayNumber ? "today" : $"today{day.DayNumber - Today.DayNumber:+0;-0}";

    private static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? string.Empty : offset > TimeSpan.Zero ? $"+{offset:c}" : $"-{offset.Negate():c}";

    private static string Set<T>(IEnumerable<T> values) => "{" + string.Join(",", values) + "}";
}

public sealed record WorldAgency(string Code, IReadOnlyList<Scheme> Schemes);

public sealed record WorldUser(int Index, int Agency, IReadOnlyList<Role> Roles)
{
    public string Label => $"U{Index + 1}";

    /// <summary>Readable and stable, so the same user in a shrunk example keeps the same id.</summary>
    public Guid Id => new($"00000000-0000-0000-0000-{Index + 1:D12}");
}

public sealed record WorldPerson(int Index, int Owner)
{
    public string Label => $"P{Index + 1}";

    /// <summary>
    /// Stable across worlds, so P1 is the same id in every world: shrunk examples stay readable, and the query
    /// ExplainAsync compiles for each (person, owner, category) is compiled once per run rather than once per world.
    /// </summary>
    public Guid Id => new($"00000000-0000-0000-0001-{Index + 1:D12}");
}

/// <summary>
/// A scheme enrolment. <see cref="Relabelled"/> cases carry a data category other than their scheme's, standing in
/// for record types the domain has no entity for yet (victim-sensitive, education/employment/benefits).
/// </summary>
public sealed record WorldCase(int Index, int Person, Scheme Scheme, int Owner, CaseStatus Status, DataCategory Category, bool Relabelled)
{
    public string Label => $"C{Index + 1}";
}

public sealed record WorldAgreement(
    int Index,
    IReadOnlyList<int> Agencies,
    IReadOnlyList<DataCategory> Categories,
    IReadOnlyList<Scheme> Purposes,
    bool ConsentRequired,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    bool Ended)
{
    public string Label => $"A{Index + 1}";
}

/// <summary>A consent decision; <see cref="ConsentStatus.Withdrawn"/> ones are recorded as given, then withdrawn.</summary>
public sealed record WorldConsent(
    int Index,
    int Person,
    int Owner,
    Scheme Purpose,
    IReadOnlyList<int> Recipients,
    IReadOnlyList<DataCategory> Categories,
    ConsentStatus Status,
    DateOnly RecordedOn,
    DateOnly ReviewOn)
{
    public string Label => $"K{Index + 1}";
}

public sealed record WorldGrant(int Index, int User, int Person, DateTimeOffset ExpiresAt)
{
    public string Label => $"G{Index + 1}";
}

public enum RecordKind
{
    Person,
    Case,
    Consent,
    Intervention,
    Offence,
    FamilyCase,
    Household,
    TreatmentIntervention,
    Top,
    Asb,
    Education,
    Employment,
    LocalCriterion,
    TreatmentEpisode,
    AssessmentNeed,
}

/// <summary>
/// What the access rule looks at in a record: whose it is (-1 for a family case or household), who owns it, its
/// category, and for a family case or household which household.
/// </summary>
public sealed record WorldRecord(string Label, RecordKind Kind, int Person, int Owner, DataCategory Category, int Household = -1);

/// <summary>A household; each person is a member at most once, so no two memberships of one person overlap.</summary>
public sealed record WorldHousehold(int Index, int Owner, IReadOnlyList<WorldMembership> Memberships)
{
    public string Label => $"H{Index + 1}";
}

public sealed record WorldMembership(int Person, DateOnly From, DateOnly? To);

public sealed record WorldFamilyCase(int Index, int Household, Scheme Scheme, int Owner, CaseStatus Status, DataCategory Category)
{
    public string Label => $"F{Index + 1}";
}
