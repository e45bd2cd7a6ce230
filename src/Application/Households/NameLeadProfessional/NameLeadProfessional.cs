using CaseManager.Application.Cases;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Households.NameLeadProfessional;

/// <summary>
/// Names a family case's one lead professional (DOMAIN.md FAM1); the owning agency's workers decide. The version is
/// the one the caller read, so two people naming different leads at once cannot both win.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record NameLeadProfessionalCommand(CaseId CaseId, Guid? UserId, int? Version) : ICommand<CaseView>;

public sealed class NameLeadProfessionalValidator : AbstractValidator<NameLeadProfessionalCommand>
{
    public NameLeadProfessionalValidator()
    {
        RuleFor(c => c.Version).NotNull().WithMessage("Send the version of the case you read");
        RuleFor(c => c.UserId).NotEmpty().WithMessage("Select the lead professional");
    }
}

public sealed class NameLeadProfessionalHandler(CaseGate gate, IUserDirectory users, IAuditTrail audit, CaseNames names)
    : ICommandHandler<NameLeadProfessionalCommand, CaseView>
{
    public async ValueTask<CaseView> Handle(NameLeadProfessionalCommand command, CancellationToken cancellationToken)
    {
        var found = await gate.OwnedAsync(command.CaseId, "case.lead-professional", cancellationToken);
        CaseGate.EnsureVersion(found, command.Version);
        await FamilyCases.EnsureLeadProfessionalAsync(users, command.UserId!.Value, nameof(command.UserId), cancellationToken);
        found.NameLeadProfessional(command.UserId);
        audit.Record("case.lead-professional", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Case", found.Id.ToString(), OwnerAgency: found.OwnerAgency), $"Lead professional {command.UserId}");
        return await names.ViewAsync(found, explanation: null, cancellationToken);
    }
}
