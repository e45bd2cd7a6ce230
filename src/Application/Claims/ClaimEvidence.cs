using System.Text.Json;
using System.Text.Json.Serialization;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Claims;

/// <summary>
/// The evidence behind one claim line as the preparer's agency could read it when the line was proposed (TF5: keep
/// the evidence reachable from the claim). Stored as JSON on the line, so later corrections to the records do not
/// change it; the links lead to the records as they are now.
/// </summary>
public sealed record ClaimEvidence(
    Guid CaseId,
    Guid HouseholdId,
    string? HouseholdName,
    DateOnly AttachedOn,
    string CaseOwner,
    string CaseStatus,
    DateOnly AsOf,
    IReadOnlyList<EvidenceMember> Members,
    IReadOnlyList<EvidenceCheck> Checks,
    IReadOnlyList<EvidenceRecord> Records,
    bool PartlyHidden,
    EvidenceLinks Links)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ClaimEvidence FromJson(string json) =>
        JsonSerializer.Deserialize<ClaimEvidence>(json, Json) ?? throw new InvalidOperationException("A claim line's evidence is empty.");

    /// <summary>What the claim page says when some of the family's records were hidden from the preparer's agency.</summary>
    public const string PartlyHiddenNote =
        "Some of this family's records are held by agencies that do not share them with yours, so this evidence is partly hidden; the result was worked out from what your agency can see.";
}

/// <summary>A member of the household whose person record the preparer's agency may see.</summary>
public sealed record EvidenceMember(Guid PersonId, string Name, string Relationship, DateOnly From, DateOnly? To, string Timeline);

/// <summary>One check of a result (TF2, TF4): what was measured and what was needed.</summary>
public sealed record EvidenceCheck(string Code, bool Met, string Measured, string Needed);

/// <summary>A record the line rests on.</summary>
public sealed record EvidenceRecord(string Kind, string Summary, DateOnly? On, string? Link);

/// <summary>Where the records behind the line are: the case, the household, the assessment and plan (when recorded) and the timeline.</summary>
public sealed record EvidenceLinks(string Case, string Household, string? Assessment, string? Plan, string Timeline);

/// <summary>The family cases of one preparation batch, as the preparer's agency reads them.</summary>
public sealed record FamilyCaseRow(CaseId CaseId, HouseholdId HouseholdId, DateOnly StartDate, string Owner, CaseStatus Status);

/// <summary>
/// Reads the evidence common to every line of a batch in a fixed number of queries: the households, the members the
/// reader may see (the access rule, in SQL), and which households have members, or members' records (offences, ASB,
/// education, employment, treatment), the reader may not see.
/// </summary>
public sealed class FamilyEvidenceReader(IAppDbContext db, IRecordAccess access)
{
    public async Task<IReadOnlyDictionary<HouseholdId, FamilyEvidence>> ReadAsync(IReadOnlyCollection<FamilyCaseRow> cases, CancellationToken cancellationToken)
    {
        var ids = cases.Select(c => c.HouseholdId).Distinct().ToList();
        var people = access.Readable(db.People.AsNoTracking());
        var names = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.Name }).ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        var members = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .SelectMany(h => h.Members, (h, m) => new { HouseholdId = h.Id, m.PersonId, m.Relationship, m.From, m.To })
            .Join(people, m => m.PersonId, p => p.Id, (m, p) => new { m.HouseholdId, m.PersonId, p.GivenName, p.FamilyName, m.Relationship, m.From, m.To })
            .ToListAsync(cancellationToken);

        // Only whether some member is hidden, never who or how many: the claim says its evidence is partly hidden.
        var partlyHidden = (await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Where(h => h.Members.Any(m => !people.Any(p => p.Id == m.PersonId)))
            .Select(h => h.Id)
            .ToListAsync(cancellationToken)).ToHashSet();

        // Whether each case has its assessment and plan recorded (ADR 0024): the evidence links to them when it has.
        var caseIds = cases.Select(c => c.CaseId).Distinct().ToList();
        var assessed = (await db.FamilyAssessments.AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).Select(a => a.CaseId).Distinct()
            .ToListAsync(cancellationToken)).ToHashSet();
        var planned = (await db.FamilyPlanActions.AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).Select(a => a.CaseId).Distinct()
            .ToListAsync(cancellationToken)).ToHashSet();

        // A member the reader may see can still have records the reader may not (a category the agreements do not
        // share, for example health in the demo): the evidence is then partly hidden too. One query per kind of
        // record, for the whole batch, in SQL through the access rule: records of the visible members that exist but
        // are not readable. Again only whether, never which.
        var visible = members.Select(m => m.PersonId).Distinct().ToList();
        var hiddenRecords = new HashSet<PersonId>();
        if (visible.Count > 0)
        {
            var offences = access.Readable(db.Offences.AsNoTracking());
            var asb = access.Readable(db.AsbRecords.AsNoTracking());
            var education = access.Readable(db.EducationRecords.AsNoTracking());
            var employment = access.Readable(db.EmploymentRecords.AsNoTracking());
            var treatment = access.Readable(db.TreatmentEpisodes.AsNoTracking());
            hiddenRecords.UnionWith(await db.Offences.AsNoTracking().Where(r => visible.Contains(r.PersonId) && !offences.Any(x => x.Id == r.Id)).Select(r => r.PersonId).Distinct().ToListAsync(cancellationToken));
            hiddenRecords.UnionWith(await db.AsbRecords.AsNoTracking().Where(r => visible.Contains(r.PersonId) && !asb.Any(x => x.Id == r.Id)).Select(r => r.PersonId).Distinct().ToListAsync(cancellationToken));
            hiddenRecords.UnionWith(await db.EducationRecords.AsNoTracking().Where(r => visible.Contains(r.PersonId) && !education.Any(x => x.Id == r.Id)).Select(r => r.PersonId).Distinct().ToListAsync(cancellationToken));
            hiddenRecords.UnionWith(await db.EmploymentRecords.AsNoTracking().Where(r => visible.Contains(r.PersonId) && !employment.Any(x => x.Id == r.Id)).Select(r => r.PersonId).Distinct().ToListAsync(cancellationToken));
            hiddenRecords.UnionWith(await db.TreatmentEpisodes.AsNoTracking().Where(r => visible.Contains(r.PersonId) && !treatment.Any(x => x.CaseId == r.CaseId)).Select(r => r.PersonId).Distinct().ToListAsync(cancellationToken));
        }

        partlyHidden.UnionWith(members.Where(m => hiddenRecords.Contains(m.PersonId)).Select(m => m.HouseholdId));

        var byHousehold = members.ToLookup(m => m.HouseholdId);
        return ids.ToDictionary(id => id, id => new FamilyEvidence(
            names.GetValueOrDefault(id),
            [.. byHousehold[id].OrderBy(m => m.From).ThenBy(m => m.PersonId.Value)
                .Select(m => new EvidenceMember(m.PersonId.Value, $"{m.GivenName} {m.FamilyName}", m.Relationship.ToString(), m.From, m.To, $"/people/{m.PersonId.Value}/timeline"))],
            partlyHidden.Contains(id),
            assessed,
            planned));
    }

    public static ClaimEvidence For(FamilyCaseRow row, FamilyEvidence family, DateOnly asOf, IReadOnlyList<EvidenceCheck> checks, IReadOnlyList<EvidenceRecord> records, bool partlyHidden) =>
        new(
            row.CaseId.Value,
            row.HouseholdId.Value,
            family.Name,
            row.StartDate,
            row.Owner,
            row.Status.ToString(),
            asOf,
            family.Members,
            checks,
            records,
            partlyHidden || family.PartlyHidden,
            new EvidenceLinks(
                $"/cases/{row.CaseId.Value}",
                $"/api/v1/households/{row.HouseholdId.Value}",
                family.Assessed.Contains(row.CaseId) ? $"/cases/{row.CaseId.Value}/assessment" : null,
                family.Planned.Contains(row.CaseId) ? $"/cases/{row.CaseId.Value}/plan" : null,
                family.Members.Count > 0 ? family.Members[0].Timeline : $"/cases/{row.CaseId.Value}"));
}

/// <summary>A household's evidence, with the cases of the batch whose assessment and plan are recorded.</summary>
public sealed record FamilyEvidence(string? Name, IReadOnlyList<EvidenceMember> Members, bool PartlyHidden, IReadOnlySet<CaseId> Assessed, IReadOnlySet<CaseId> Planned);
