using CaseManager.Application.Cases;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Families;

/// <summary>
/// The gate to a family case's own records (its assessments and plan, DOMAIN.md FAM1): they are read by whoever may
/// read the family case under the access rule (<see cref="CaseGate"/>), and kept by its owning agency or its lead
/// professional. A member the reader may not see is left out of them without a trace.
/// </summary>
public sealed class FamilyCaseRecords(IAppDbContext db, CaseGate gate, IRecordAccess access, ICurrentUser currentUser)
{
    /// <summary>A family case the actor may read (tracked), with its household; "not found" otherwise.</summary>
    public async Task<(Case FamilyCase, Household Household)> ReadableAsync(CaseId caseId, string action, CancellationToken cancellationToken)
    {
        var familyCase = await gate.ReadableAsync(caseId, action, cancellationToken);
        FamilyRecords.EnsureFamilyCase(familyCase);
        var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == familyCase.HouseholdId, cancellationToken);
        return (familyCase, household);
    }

    /// <summary>
    /// A family case the actor keeps (its owning agency, or its lead professional of any agency): they record the
    /// assessment and add to the plan. Another reader may see them but is refused (403).
    /// </summary>
    public async Task<(Case FamilyCase, Household Household)> KeptAsync(CaseId caseId, string action, CancellationToken cancellationToken)
    {
        var found = await ReadableAsync(caseId, action, cancellationToken);
        return Keeps(found.FamilyCase, currentUser.Actor)
            ? found
            : throw new ForbiddenAccessException($"Only {found.FamilyCase.OwnerAgency}, which owns this family case, or its lead professional keeps its assessment and plan.");
    }

    public static bool Keeps(Case familyCase, Actor actor) =>
        familyCase.OwnerAgency == actor.Agency || (actor.UserId is { } me && familyCase.LeadProfessional == me);

    /// <summary>Names of the given members, for those the reader may see (the access rule, in SQL); others are absent.</summary>
    public async Task<IReadOnlyDictionary<PersonId, string>> VisibleNamesAsync(IEnumerable<PersonId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<PersonId, string>();
        }

        return await access.Readable(db.People.AsNoTracking())
            .Where(p => wanted.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName })
            .ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}", cancellationToken);
    }
}
