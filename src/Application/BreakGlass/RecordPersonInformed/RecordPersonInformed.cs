using CaseManager.Application.Common.Validation;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.BreakGlass.RecordPersonInformed;

/// <summary>Records whether the person was told of the break-glass access, or why telling them would be unsafe (IS1).</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record RecordPersonInformedCommand(BreakGlassGrantId GrantId, bool? Informed, string? Note) : ICommand<BreakGlassView>;

public sealed class RecordPersonInformedValidator : AbstractValidator<RecordPersonInformedCommand>
{
    public RecordPersonInformedValidator()
    {
        // Required: a missing answer is not "not told".
        RuleFor(c => c.Informed).NotNull().WithMessage("Say whether the person was told");
        RuleFor(c => c.Note).NotEmpty().When(c => c.Informed == false).WithMessage("Say why telling the person would be unsafe");
        RuleFor(c => c.Note).MaximumLength(1000).MultilineText();
    }
}

public sealed class RecordPersonInformedHandler(IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<RecordPersonInformedCommand, BreakGlassView>
{
    public async ValueTask<BreakGlassView> Handle(RecordPersonInformedCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var grant = await db.BreakGlassGrants.SingleOrDefaultAsync(g => g.Id == command.GrantId, cancellationToken);

        // Only the person who used the access, or the IG lead, records this; to anyone else the grant does not exist.
        if (grant is null || (grant.UserId != actor.UserId && !actor.IsInRole(Role.InformationGovernance)))
        {
            throw NotFoundException.For("Break-glass grant", command.GrantId);
        }

        grant.RecordPersonInformed(command.Informed!.Value, command.Note);
        audit.Record("break-glass.person-informed", AuditOutcome.Allowed, AccessRule.Role,
            new AuditSubject("BreakGlassGrant", grant.Id.ToString(), grant.PersonId.Value),
            command.Informed.Value ? "Person told" : $"Not told: {command.Note}");
        return BreakGlassView.From(grant, clock.Now);
    }
}
