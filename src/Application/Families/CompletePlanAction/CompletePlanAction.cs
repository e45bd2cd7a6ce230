using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Families;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Families.CompletePlanAction;

/// <summary>
/// Marks a plan action done (DOMAIN.md FAM1). The agency whose action it is completes it, if it may read the family
/// case under the access rule; so may whoever keeps the plan. An action is done once: a second completion, or one
/// from a stale version, is refused and the first stands.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record CompletePlanActionCommand(CaseId CaseId, FamilyPlanActionId ActionId, DateOnly? CompletedOn, string? Note = null, int? Version = null)
    : ICommand<PlanActionView>;

public sealed class CompletePlanActionValidator : AbstractValidator<CompletePlanActionCommand>
{
    public CompletePlanActionValidator(PartnershipClock clock)
    {
        RuleFor(c => c.CompletedOn).NotNull().WithMessage("Enter the date the action was done")
            .Must(d => d is null || d <= clock.Today).WithMessage("The action cannot be completed in the future");
        RuleFor(c => c.Note).MaximumLength(FamilyPlanAction.MaxNoteLength).WithMessage($"The note must be {FamilyPlanAction.MaxNoteLength} characters or fewer")
            .MultilineText();
    }
}

public sealed class CompletePlanActionHandler(
    IAppDbContext db, FamilyCaseRecords records, IRecordAccess access, IUserDirectory users, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<CompletePlanActionCommand, PlanActionView>
{
    public async ValueTask<PlanActionView> Handle(CompletePlanActionCommand command, CancellationToken cancellationToken)
    {
        var (familyCase, _) = await records.ReadableAsync(command.CaseId, "plan.complete-action", cancellationToken);

        // An action for a member the reader may not see is not there for them (GetPlan leaves it out too).
        var people = access.Readable(db.People);
        var action = await db.FamilyPlanActions
            .Where(a => a.Id == command.ActionId && a.CaseId == familyCase.Id)
            .Where(a => a.ForPersonId == null || people.Any(p => p.Id == a.ForPersonId))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("FamilyPlanAction", command.ActionId);
        var actor = currentUser.Actor;
        if (!PlanViews.CanComplete(action, familyCase, actor))
        {
            throw new ForbiddenAccessException($"Only {action.OwnerAgency}, whose action it is, or whoever keeps the family plan completes it.");
        }

        if (command.Version is { } read && read != action.Version)
        {
            throw new DomainRuleException("concurrency.stale", "Someone else changed this action after you opened it. Reload the plan and try again.");
        }

        action.Complete(familyCase, command.CompletedOn!.Value, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), actor.RequireUserId(), clock.Today);
        audit.Record("plan.complete-action", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("FamilyPlanAction", action.Id.ToString(), action.ForPersonId?.Value, familyCase.OwnerAgency),
            $"Case {familyCase.Id}: done {command.CompletedOn:yyyy-MM-dd} by {actor.Agency}");

        var names = await records.VisibleNamesAsync(action.ForPersonId is { } f ? [f] : [], cancellationToken);
        var assigned = action.AssignedTo is { } a ? await users.DisplayNamesAsync([a], cancellationToken) : null;
        return PlanViews.Of(action, familyCase, actor, clock.Today, action.ForPersonId is { } p ? names.GetValueOrDefault(p) : null,
            action.AssignedTo is { } id ? assigned?.GetValueOrDefault(id) : null);
    }
}
