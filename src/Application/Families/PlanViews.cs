using CaseManager.Application.Common.Security;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;

namespace CaseManager.Application.Families;

public static class PlanViews
{
    /// <summary>
    /// Who completes an action: the agency whose action it is, or whoever keeps the plan (the case's owning agency,
    /// its lead professional), recording what they were told.
    /// </summary>
    public static bool CanComplete(FamilyPlanAction action, Case familyCase, Actor actor) =>
        Policies.Allows(Policies.WriteCaseData, actor)
        && (action.OwnerAgency == actor.Agency || FamilyCaseRecords.Keeps(familyCase, actor));

    public static PlanActionView Of(FamilyPlanAction action, Case familyCase, Actor actor, DateOnly today, string? forPersonName, string? assignedToName) =>
        new(
            action.Id.Value,
            action.CaseId.Value,
            action.Description,
            action.Need?.ToString(),
            action.ForPersonId?.Value,
            forPersonName,
            action.OwnerAgency.Value,
            action.AssignedTo,
            assignedToName,
            action.DueOn,
            action.StatusOn(today).ToString(),
            action.CompletedOn,
            action.CompletionNote,
            action.Version,
            action.CompletedOn is null && familyCase.Status != CaseStatus.Exited && CanComplete(action, familyCase, actor));
}
