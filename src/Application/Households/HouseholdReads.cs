using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Households;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Households;

/// <summary>
/// Reads of one household through the access rule: the household itself (<see cref="IRecordAccess.ReadableHouseholds"/>)
/// and, of its members, only those whose person record the reader may see, chosen in the query.
/// </summary>
public sealed class HouseholdReads(IAppDbContext db, IRecordAccess access, IAuditTrail audit)
{
    /// <summary>The household for a change, tracked; not readable is audited and "not found".</summary>
    public async Task<Household> GetForUpdateAsync(HouseholdId id, string action, CancellationToken cancellationToken)
    {
        var found = await access.ReadableHouseholds(db.Households).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        return found ?? await RefuseAsync(id, action, cancellationToken);
    }

    /// <summary>The household as the reader may see it, or an audited "not found".</summary>
    public async Task<HouseholdView> ViewAsync(HouseholdId id, string action, CancellationToken cancellationToken)
    {
        var household = await access.ReadableHouseholds(db.Households.AsNoTracking())
            .Where(h => h.Id == id)
            .Select(h => new { h.Id, h.Name, h.Address, h.OwnerAgency, h.DataCategory, h.Version, h.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (household is null)
        {
            await RefuseAsync(id, action, cancellationToken);
        }

        var members = await VisibleMembersAsync(id, cancellationToken);
        var cases = await access.Readable(db.Cases.AsNoTracking())
            .Where(c => c.HouseholdId == id)
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Scheme, c.Status, c.OwnerAgency, c.StartDate, c.ExitedOn, c.LeadProfessional })
            .ToListAsync(cancellationToken);
        return new HouseholdView(
            household!.Id.Value,
            household.Name,
            household.Address,
            household.OwnerAgency.Value,
            household.DataCategory.ToString(),
            household.Version,
            household.CreatedAt,
            members,
            [.. cases.Select(c => new HouseholdCaseItem(c.Id.Value, c.Scheme.ToString(), c.Status.ToString(), c.OwnerAgency.Value, c.StartDate, c.ExitedOn, c.LeadProfessional))]);
    }

    /// <summary>The memberships of people the reader may see, oldest first; the others are not counted or named.</summary>
    public async Task<IReadOnlyList<HouseholdMemberView>> VisibleMembersAsync(HouseholdId id, CancellationToken cancellationToken)
    {
        var people = access.Readable(db.People.AsNoTracking());
        var rows = await db.Households.AsNoTracking()
            .Where(h => h.Id == id)
            .SelectMany(h => h.Members)
            .Join(people, m => m.PersonId, p => p.Id, (m, p) => new { m.Id, m.PersonId, p.GivenName, p.FamilyName, p.DateOfBirth, m.Relationship, m.From, m.To })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(m => m.From).ThenBy(m => m.FamilyName).ThenBy(m => m.GivenName).ThenBy(m => m.Id)
            .Select(m => new HouseholdMemberView(m.Id, m.PersonId.Value, $"{m.GivenName} {m.FamilyName}", m.DateOfBirth, m.Relationship.ToString(), m.From, m.To))
            .ToList();
    }

    /// <summary>The audit rule of a household read: its own agency's, or known through a member the reader may see.</summary>
    public static AccessRule RuleFor(HouseholdView view, Common.Security.Actor actor) =>
        actor.Agency?.Value == view.OwnerAgency ? AccessRule.Owner : AccessRule.HouseholdMember;

    private async Task<Household> RefuseAsync(HouseholdId id, string action, CancellationToken cancellationToken)
    {
        audit.Record(action, AuditOutcome.Refused, AccessRule.NoRule, new AuditSubject("Household", id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        throw NotFoundException.For("Household", id);
    }
}
