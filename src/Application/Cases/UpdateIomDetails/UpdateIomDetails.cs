using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Cases.UpdateIomDetails;

/// <summary>
/// Changes an open IOM case's selection and custody (for example on sentence or release). Owning agency only;
/// <see cref="Version"/> is the version the editor read, so a concurrent edit is refused (409), never lost.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record UpdateIomDetailsCommand(
    CaseId CaseId,
    int? Version,
    string? Cohort,
    string? Tier,
    string? SelectionReason,
    string? SelectionScore = null,
    string? PanelNote = null,
    bool Mappa = false,
    bool Ppo = false,
    decimal? PredictedReoffendingRate = null,
    CustodyInput? Custody = null) : ICommand<CaseView>, IIomDetailsInput;

public sealed class UpdateIomDetailsValidator : AbstractValidator<UpdateIomDetailsCommand>
{
    public UpdateIomDetailsValidator(IOptions<IomOptions> iom)
    {
        RuleFor(c => c.Version).NotNull().WithMessage("Send the version of the case you read");
        Include(new IomDetailsRules<UpdateIomDetailsCommand>(iom.Value));
        Include(new IomTextRules<UpdateIomDetailsCommand>());
    }
}

public sealed class UpdateIomDetailsHandler(CaseGate gate, IAuditTrail audit, IOptions<IomOptions> iom, CaseNames names)
    : ICommandHandler<UpdateIomDetailsCommand, CaseView>
{
    public async ValueTask<CaseView> Handle(UpdateIomDetailsCommand command, CancellationToken cancellationToken)
    {
        var found = await gate.OwnedAsync(command.CaseId, "case.update-iom", cancellationToken);
        CaseGate.EnsureVersion(found, command.Version);
        found.UpdateIom(IomDetailsInput.ToDetails(command, iom.Value), IomDetailsInput.ToCustody(command));
        audit.Record("case.update-iom", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Case", found.Id.ToString(), found.PersonId?.Value, found.OwnerAgency),
            found.Custody is { InCustody: true } custody ? $"In custody at {custody.Establishment}" : "In the community");
        return await names.ViewAsync(found, explanation: null, cancellationToken);
    }
}
