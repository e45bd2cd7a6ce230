using CaseManager.Application.Common.Validation;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Reviews;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Consents.WithdrawConsent;

/// <summary>
/// Withdraws consent in one step, as easily as it was given (IS5). Sharing that relied on it stops on the next
/// request; what was shared before stays lawful. Any caseworker who can see the person and the consent decision
/// may record it. The consent's open review is cancelled: there is nothing left to review.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record WithdrawConsentCommand(PersonId PersonId, ConsentId ConsentId, string? Reason) : ICommand<ConsentView>;

public sealed class WithdrawConsentValidator : AbstractValidator<WithdrawConsentCommand>
{
    public WithdrawConsentValidator() => RuleFor(c => c.Reason).MaximumLength(500).MultilineText();
}

public sealed class WithdrawConsentHandler(
    IAppDbContext db,
    IRecordAccess access,
    PersonGate gate,
    ICurrentUser currentUser,
    IAuditTrail audit,
    PartnershipClock clock,
    ReviewPlanner planner) : ICommandHandler<WithdrawConsentCommand, ConsentView>
{
    public async ValueTask<ConsentView> Handle(WithdrawConsentCommand command, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(command.PersonId, "consent.withdraw", cancellationToken);
        var consent = await access.Readable(db.Consents).SingleOrDefaultAsync(c => c.Id == command.ConsentId && c.PersonId == command.PersonId, cancellationToken)
            ?? throw NotFoundException.For("Consent", command.ConsentId);
        consent.Withdraw(command.Reason, currentUser.Actor.RequireUserId(), clock.Now);
        await planner.CancelConsentReviewAsync(consent, clock.Now, cancellationToken);
        audit.Record("consent.withdraw", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Consent", consent.Id.ToString(), command.PersonId.Value, consent.OwnerAgency), command.Reason);
        return ConsentView.From(consent, clock.Today);
    }
}
