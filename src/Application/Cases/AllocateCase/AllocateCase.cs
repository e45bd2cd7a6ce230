using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Cases.AllocateCase;

/// <summary>A manager moves an open case to another worker of the owning agency (one lead professional at a time).</summary>
[RequiresPolicy(Policies.ManageCases)]
public sealed record AllocateCaseCommand(CaseId CaseId, int? Version, Guid? AllocatedTo) : ICommand<CaseView>;

public sealed class AllocateCaseValidator : AbstractValidator<AllocateCaseCommand>
{
    public AllocateCaseValidator()
    {
        RuleFor(c => c.Version).NotNull().WithMessage("Send the version of the case you read");
        RuleFor(c => c.AllocatedTo).NotEmpty().WithMessage("Select the worker");
    }
}

public sealed class AllocateCaseHandler(CaseGate gate, IUserDirectory users, IAuditTrail audit, CaseNames names)
    : ICommandHandler<AllocateCaseCommand, CaseView>
{
    public async ValueTask<CaseView> Handle(AllocateCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await gate.OwnedAsync(command.CaseId, "case.allocate", cancellationToken);
        CaseGate.EnsureVersion(found, command.Version);
        await OpenCaseHandler.EnsureWorkerAsync(users, command.AllocatedTo!.Value, found.OwnerAgency, cancellationToken);
        found.Allocate(command.AllocatedTo);
        audit.Record("case.allocate", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Case", found.Id.ToString(), found.PersonId?.Value, found.OwnerAgency), $"Allocated to {command.AllocatedTo}");
        return await names.ViewAsync(found, explanation: null, cancellationToken);
    }
}
