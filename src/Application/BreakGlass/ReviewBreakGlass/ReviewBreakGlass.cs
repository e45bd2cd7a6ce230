using CaseManager.Application.Common.Validation;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Sharing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.BreakGlass.ReviewBreakGlass;

/// <summary>The information governance lead marks a break-glass use justified or not, with a note.</summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record ReviewBreakGlassCommand(BreakGlassGrantId GrantId, BreakGlassReviewOutcome? Outcome, string Note) : ICommand<BreakGlassView>;

public sealed class ReviewBreakGlassValidator : AbstractValidator<ReviewBreakGlassCommand>
{
    public ReviewBreakGlassValidator()
    {
        RuleFor(c => c.Outcome).NotNull().WithMessage("Say whether the access was justified").IsInEnum().WithMessage("Say whether the access was justified");
        RuleFor(c => c.Note).NotEmpty().WithMessage("Add a note explaining the decision").MaximumLength(2000);
        RuleFor(c => c.Note).MultilineText();
    }
}

public sealed class ReviewBreakGlassHandler(IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<ReviewBreakGlassCommand, BreakGlassView>
{
    public async ValueTask<BreakGlassView> Handle(ReviewBreakGlassCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.BreakGlassGrants.SingleOrDefaultAsync(g => g.Id == command.GrantId, cancellationToken)
            ?? throw NotFoundException.For("Break-glass grant", command.GrantId);
        grant.Review(command.Outcome!.Value, command.Note, currentUser.Actor.RequireUserId(), clock.Now);
        audit.Record("break-glass.review", AuditOutcome.Allowed, AccessRule.Role,
            new AuditSubject("BreakGlassGrant", grant.Id.ToString(), grant.PersonId.Value), $"{command.Outcome}: {command.Note}");
        return BreakGlassView.From(grant, clock.Now);
    }
}
