using CaseManager.Application.Common.Validation;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Sharing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Sharing.EndSharingAgreement;

/// <summary>Ends an agreement: nothing is shared under it from the next request on.</summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record EndSharingAgreementCommand(SharingAgreementId AgreementId, string Reason) : ICommand<SharingAgreementView>;

public sealed class EndSharingAgreementValidator : AbstractValidator<EndSharingAgreementCommand>
{
    public EndSharingAgreementValidator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the agreement is ending").MaximumLength(500).MultilineText();
}

public sealed class EndSharingAgreementHandler(IAppDbContext db, IAuditTrail audit, PartnershipClock clock, AfterCommit afterCommit, ISharingRightDerivations derivations)
    : ICommandHandler<EndSharingAgreementCommand, SharingAgreementView>
{
    public async ValueTask<SharingAgreementView> Handle(EndSharingAgreementCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.SharingAgreements.SingleOrDefaultAsync(a => a.Id == command.AgreementId, cancellationToken)
            ?? throw NotFoundException.For("Sharing agreement", command.AgreementId);
        agreement.End(command.Reason, clock.Now, clock.Today);
        audit.Record("agreement.end", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("SharingAgreement", agreement.Id.ToString()), command.Reason);

        // Its rights were deleted with the save; what other agreements give the same readers is worked out again (ADR 0026).
        afterCommit.Add(derivations.StartAsync);
        return SharingAgreementView.From(agreement, clock.Today);
    }
}
