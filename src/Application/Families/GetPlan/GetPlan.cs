using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Users;
using CaseManager.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Families.GetPlan;

/// <summary>
/// A family case's one plan (DOMAIN.md FAM1), for whoever may read the case under the access rule: every action with
/// where it stands today (Open, Overdue, Done), oldest due first with the done ones last, and whether the reader may
/// complete it (a partner agency, its own actions). An action for a member the reader may not see is left out in
/// the query, without a trace.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetPlanQuery(CaseId CaseId) : IQuery<FamilyPlanView>;

public sealed class GetPlanHandler(
    IAppDbContext db, IRecordAccess access, FamilyCaseRecords records, IUserDirectory users, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : IQueryHandler<GetPlanQuery, FamilyPlanView>
{
    public async ValueTask<FamilyPlanView> Handle(GetPlanQuery query, CancellationToken cancellationToken)
    {
        var (familyCase, household) = await records.ReadableAsync(query.CaseId, "plan.read", cancellationToken);
        var people = access.Readable(db.People);
        var actions = await db.FamilyPlanActions.AsNoTracking()
            .Where(a => a.CaseId == familyCase.Id)
            .Where(a => a.ForPersonId == null || people.Any(p => p.Id == a.ForPersonId))
            .OrderBy(a => a.CompletedOn != null).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);

        // A partner reads the plan as it reads the family case: the read is audited with the rule that allowed it.
        var caseId = familyCase.Id;
        await access.ExplainAndAuditAsync(audit, db.Cases.AsNoTracking().Where(c => c.Id == caseId), c => c.Id, "plan.read",
            id => new AuditSubject("Case", id.ToString(), OwnerAgency: familyCase.OwnerAgency), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var names = await records.VisibleNamesAsync(actions.Where(a => a.ForPersonId is not null).Select(a => a.ForPersonId!.Value), cancellationToken);
        var assignees = await users.DisplayNamesAsync([.. actions.Where(a => a.AssignedTo is not null).Select(a => a.AssignedTo!.Value).Distinct()], cancellationToken);
        var actor = currentUser.Actor;
        var today = clock.Today;
        return new FamilyPlanView(
            familyCase.Id.Value,
            household.Id.Value,
            household.Name,
            familyCase.Scheme.ToString(),
            familyCase.Status.ToString(),
            familyCase.StartDate,
            familyCase.Status != CaseStatus.Exited && FamilyCaseRecords.Keeps(familyCase, actor) && Policies.Allows(Policies.WriteCaseData, actor),
            [.. actions.Select(a => PlanViews.Of(a, familyCase, actor, today,
                a.ForPersonId is { } p ? names.GetValueOrDefault(p) : null,
                a.AssignedTo is { } u ? assignees.GetValueOrDefault(u) : null))]);
    }
}
