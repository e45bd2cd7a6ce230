using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Sharing.DeriveSharingRights;

/// <summary>
/// One batch of the background derivation of sharing rights and case readers (ADR 0026): the next people of the
/// oldest unfinished derivation, each person's rows made again from the facts as they are now, and its progress saved,
/// in one transaction under the writers' lock. The <c>sharing-right-derivations</c> job sends one per batch until
/// nothing is left; a job that was stopped carries on from the saved cursor.
/// </summary>
[RequiresPolicy(Policies.SystemJob)]
public sealed record DeriveSharingRightsCommand(int Count = DeriveSharingRightsCommand.DefaultBatch) : ICommand<SharingRightDerivationBatch>
{
    /// <summary>People a batch: what one transaction holding the writers' lock works out.</summary>
    public const int DefaultBatch = 500;
}

public sealed class DeriveSharingRightsValidator : AbstractValidator<DeriveSharingRightsCommand>
{
    public DeriveSharingRightsValidator() => RuleFor(c => c.Count).InclusiveBetween(1, 10_000);
}

public sealed class DeriveSharingRightsHandler(IDerivedAccessRows rows, TimeProvider clock)
    : ICommandHandler<DeriveSharingRightsCommand, SharingRightDerivationBatch>
{
    public async ValueTask<SharingRightDerivationBatch> Handle(DeriveSharingRightsCommand command, CancellationToken cancellationToken) =>
        await rows.DeriveNextBatchAsync(command.Count, clock.GetUtcNow(), cancellationToken);
}
