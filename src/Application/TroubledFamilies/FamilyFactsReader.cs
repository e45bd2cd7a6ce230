using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.TroubledFamilies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.TroubledFamilies;

/// <summary>
/// Gathers the <see cref="FamilyFacts"/> the Troubled Families engines read, for a batch of families, as the current
/// actor may see them: every row comes through <see cref="IRecordAccess.Readable{T}"/> in SQL. A member whose person
/// record the actor may not see is left out with all their records, so hidden facts change nothing and cannot be
/// counted from the answer; answers say they were "worked out from records you may see".
/// </summary>
public interface IFamilyFactsReader
{
    /// <summary>The facts of each family case the actor may read (others are absent), in a fixed number of queries.</summary>
    Task<IReadOnlyDictionary<CaseId, FamilyFacts>> ReadAsync(IReadOnlyCollection<CaseId> caseIds, DateOnly asOf, CancellationToken ct);

    /// <summary>The facts of households, whether or not attached to the programme (<see cref="FamilyFacts.CaseId"/> null).</summary>
    Task<IReadOnlyDictionary<HouseholdId, FamilyFacts>> ReadHouseholdsAsync(IReadOnlyCollection<HouseholdId> householdIds, DateOnly asOf, CancellationToken ct);
}

public sealed class FamilyFactsReader(IAppDbContext db, IRecordAccess access, IOptions<TroubledFamiliesOptions> options) : IFamilyFactsReader
{
    /// <summary>The sentence every eligibility and results answer carries.</summary>
    public const string Basis = "Worked out from records you may see: records you may not see, and members whose records you may not see, were not used.";

    public async Task<IReadOnlyDictionary<CaseId, FamilyFacts>> ReadAsync(IReadOnlyCollection<CaseId> caseIds, DateOnly asOf, CancellationToken ct)
    {
        var ids = caseIds.Distinct().ToList();
        var cases = await access.Readable(db.Cases.AsNoTracking())
            .Where(c => ids.Contains(c.Id) && c.HouseholdId != null)
            .Select(c => new { c.Id, HouseholdId = c.HouseholdId!.Value, c.StartDate })
            .ToListAsync(ct);
        var facts = await ReadHouseholdsAsync(cases.Select(c => c.HouseholdId).Distinct().ToList(), asOf, ct);
        return cases.ToDictionary(c => c.Id, c => facts[c.HouseholdId] with { CaseId = c.Id, AttachedOn = c.StartDate });
    }

    public async Task<IReadOnlyDictionary<HouseholdId, FamilyFacts>> ReadHouseholdsAsync(IReadOnlyCollection<HouseholdId> householdIds, DateOnly asOf, CancellationToken ct)
    {
        var households = householdIds.Distinct().ToList();
        // Records dated after the day asked about cannot count, so they are not read.
        var people = access.Readable(db.People.AsNoTracking());
        var memberships = await db.Households.AsNoTracking()
            .Where(h => households.Contains(h.Id))
            .SelectMany(h => h.Members, (h, m) => new { HouseholdId = h.Id, m.PersonId, m.From, m.To })
            .Join(people, m => m.PersonId, p => p.Id, (m, p) => new { m.HouseholdId, m.PersonId, p.DateOfBirth, m.From, m.To })
            .ToListAsync(ct);
        var personIds = memberships.Select(m => m.PersonId).Distinct().ToList();

        var offences = await access.Readable(db.Offences.AsNoTracking())
            .Where(o => personIds.Contains(o.PersonId) && o.ConvictedOn != null && o.CommittedOn <= asOf)
            .Select(o => new ProvenOffence(o.Id.Value, o.PersonId, o.CommittedOn, o.ConvictedOn!.Value))
            .ToListAsync(ct);
        var asb = await access.Readable(db.AsbRecords.AsNoTracking())
            .Where(r => personIds.Contains(r.PersonId) && r.OccurredOn <= asOf)
            .Select(r => new { r.Id, r.PersonId, r.Kind, r.OccurredOn })
            .ToListAsync(ct);
        var education = await access.Readable(db.EducationRecords.AsNoTracking())
            .Where(r => personIds.Contains(r.PersonId) && r.Day <= asOf)
            .Select(r => new { r.Id, r.PersonId, r.Kind, r.On, r.Term, r.SessionsPossible, r.UnauthorisedAbsenceSessions })
            .ToListAsync(ct);
        var employment = await access.Readable(db.EmploymentRecords.AsNoTracking())
            .Where(r => personIds.Contains(r.PersonId) && r.From <= asOf)
            .Select(r => new { r.Id, r.PersonId, r.Kind, r.Benefit, r.From, r.To })
            .ToListAsync(ct);
        var local = await access.Readable(db.LocalCriterionRecords.AsNoTracking())
            .Where(r => households.Contains(r.HouseholdId) && r.On <= asOf)
            .Select(r => new { r.Id, r.HouseholdId, r.PersonId, r.Criterion, r.On })
            .ToListAsync(ct);
        var treatment = await access.Readable(db.TreatmentEpisodes.AsNoTracking())
            .Where(e => personIds.Contains(e.PersonId) && e.StartDate <= asOf)
            .Select(e => new TreatmentFact(e.CaseId.Value, e.PersonId, e.StartDate, e.DischargedOn))
            .ToListAsync(ct);

        var criteria = options.Value;
        var result = new Dictionary<HouseholdId, FamilyFacts>();
        foreach (var household in households)
        {
            var members = memberships.Where(m => m.HouseholdId == household)
                .GroupBy(m => m.PersonId)
                .Select(g => new FamilyMember(g.Key, g.First().DateOfBirth, [.. g.Select(m => new MembershipPeriod(m.From, m.To))]))
                .ToList();
            var ofMembers = members.Select(m => m.PersonId).ToHashSet();
            result[household] = new FamilyFacts(
                household,
                null,
                null,
                members,
                [.. offences.Where(o => ofMembers.Contains(o.PersonId))],
                [.. asb.Where(r => ofMembers.Contains(r.PersonId)).Select(r => new AsbFact(r.Id.Value, r.PersonId, r.Kind, r.OccurredOn))],
                [.. education.Where(r => ofMembers.Contains(r.PersonId)).Select(r => new EducationFact(
                    r.Id.Value, r.PersonId, r.Kind, r.On, r.Term is { } term ? SchoolTerm.Parse(term) : SchoolTerm.Of(r.On!.Value), r.SessionsPossible, r.UnauthorisedAbsenceSessions))],
                [.. employment.Where(r => ofMembers.Contains(r.PersonId)).Select(r => new EmploymentFact(r.Id.Value, r.PersonId, r.Kind, r.Benefit, r.From, r.To))],
                [.. local.Where(r => r.HouseholdId == household && (r.PersonId is not { } person || ofMembers.Contains(person)))
                    .Select(r => new LocalCriterionFact(r.Id.Value, r.PersonId, r.Criterion, criteria.ProblemOf(r.Criterion), r.On))],
                [.. treatment.Where(t => ofMembers.Contains(t.PersonId))]);
        }

        return result;
    }
}
