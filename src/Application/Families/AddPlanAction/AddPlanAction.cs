using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Application.Users;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using CaseManager.Domain.People;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Families.AddPlanAction;

/// <summary>
/// Adds an action to a family case's one plan (DOMAIN.md FAM1): what is to be done, for a member or the family, by
/// which agency (and, if named, which of its workers), by when. The case's owning agency or its lead professional
/// keeps the plan. An action due before the case started is refused with nothing changed.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record AddPlanActionCommand(
    CaseId CaseId,
    string? Description,
    string? OwnerAgency,
    DateOnly? DueOn,
    NeedArea? Need = null,
    Guid? ForPersonId = null,
    Guid? AssignedTo = null) : ICommand<PlanActionView>;

public sealed class AddPlanActionValidator : AbstractValidator<AddPlanActionCommand>
{
    public AddPlanActionValidator()
    {
        RuleFor(c => c.Description).NotEmpty().WithMessage("Enter what is to be done")
            .MaximumLength(FamilyPlanAction.MaxDescriptionLength).WithMessage($"The action must be {FamilyPlanAction.MaxDescriptionLength} characters or fewer")
            .MultilineText();
        RuleFor(c => c.OwnerAgency).NotEmpty().WithMessage("Select the agency whose action it is")
            .Must(a => a is null || AgencyCode.TryParse(a, out _)).WithMessage("Select an agency of the partnership")
            .PlainText();
        RuleFor(c => c.DueOn).NotNull().WithMessage("Enter the date the action is due");
        RuleFor(c => c.Need).IsInEnum().WithMessage($"Unknown need area: use one of {string.Join(", ", Enum.GetNames<NeedArea>())}");
        RuleFor(c => c.ForPersonId).Must(p => p is null || p != Guid.Empty).WithMessage("Say which member the action is for, or leave it out for the family");
        RuleFor(c => c.AssignedTo).Must(p => p is null || p != Guid.Empty).WithMessage("Select the worker, or leave it out for the agency");
    }
}

public sealed class AddPlanActionHandler(
    IAppDbContext db, FamilyCaseRecords records, PersonGate people, IUserDirectory users, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<AddPlanActionCommand, PlanActionView>
{
    public async ValueTask<PlanActionView> Handle(AddPlanActionCommand command, CancellationToken cancellationToken)
    {
        var (familyCase, household) = await records.KeptAsync(command.CaseId, "plan.add-action", cancellationToken);
        var dueOn = command.DueOn!.Value;
        if (dueOn < familyCase.StartDate)
        {
            throw Invalid(nameof(command.DueOn), $"The action cannot be due before the case started on {familyCase.StartDate:d MMMM yyyy}");
        }

        var owner = AgencyCode.Parse(command.OwnerAgency);
        if (!await db.Agencies.AnyAsync(a => a.Code == owner, cancellationToken))
        {
            throw Invalid(nameof(command.OwnerAgency), "Select an agency of the partnership");
        }

        string? assignedName = null;
        if (command.AssignedTo is { } assignee)
        {
            var account = await users.FindAsync(assignee, cancellationToken);
            if (account is null || account.IsDisabled || account.AgencyCode != owner.Value || !account.Roles.Any(OpenCaseHandler.WorkerRoles.Contains))
            {
                throw Invalid(nameof(command.AssignedTo), $"The worker must be an active caseworker or manager of {owner}");
            }

            assignedName = account.DisplayName;
        }

        PersonId? forPerson = command.ForPersonId is { } p ? new PersonId(p) : null;
        if (forPerson is { } person)
        {
            // A member named must be someone the planner may see: nobody learns of a hidden member by naming them.
            await people.EnsureReadableAsync(person, "plan.add-action", cancellationToken);
        }

        var actor = currentUser.Actor;
        var action = FamilyPlanAction.Add(familyCase, household, command.Description!.Trim(), command.Need, forPerson, owner, command.AssignedTo, dueOn,
            actor.RequireAgency(), actor.RequireUserId(), clock.Now);
        db.FamilyPlanActions.Add(action);
        audit.Record("plan.add-action", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("FamilyPlanAction", action.Id.ToString(), forPerson?.Value, familyCase.OwnerAgency),
            $"Case {familyCase.Id}: {owner} by {dueOn:yyyy-MM-dd}");

        var names = await records.VisibleNamesAsync(forPerson is { } named ? [named] : [], cancellationToken);
        return PlanViews.Of(action, familyCase, actor, clock.Today, forPerson is { } f ? names.GetValueOrDefault(f) : null, assignedName);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
