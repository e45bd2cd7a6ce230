using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CaseManager.Application.Sharing.CheckDerivedAccess;

/// <summary>
/// One batch of the daily check of the derived access rows (the <c>derived-access-check</c> job sends one command
/// per batch, so that no transaction holds the writers' lock for long). Saves keep sharing rights and case readers
/// in step with agreements, consents and cases; data written around the application (a restore, a manual fix) does
/// not. A row left behind would show a record to an agency that may no longer read it, so the check compares each
/// person's rows with what their facts derive and makes again those that differ, logging an error and auditing it.
/// Running it again finds nothing more to repair.
/// </summary>
[RequiresPolicy(Policies.SystemJob)]
public sealed record CheckDerivedAccessCommand(int Skip, int Count = CheckDerivedAccessCommand.DefaultBatch) : ICommand<DerivedAccessCheck>
{
    public const int DefaultBatch = 2000;
}

public sealed class CheckDerivedAccessValidator : AbstractValidator<CheckDerivedAccessCommand>
{
    public CheckDerivedAccessValidator()
    {
        RuleFor(c => c.Skip).GreaterThanOrEqualTo(0);
        RuleFor(c => c.Count).InclusiveBetween(1, 10_000);
    }
}

public sealed partial class CheckDerivedAccessHandler(IDerivedAccessRows rows, IAuditTrail audit, ILogger<CheckDerivedAccessHandler> logger)
    : ICommandHandler<CheckDerivedAccessCommand, DerivedAccessCheck>
{
    // Enough ids to start from; the log says how many there were.
    private const int PeopleNamedInDetail = 20;

    public async ValueTask<DerivedAccessCheck> Handle(CheckDerivedAccessCommand command, CancellationToken cancellationToken)
    {
        var check = await rows.CheckAndRepairAsync(command.Skip, command.Count, cancellationToken);
        if (check.Repaired.Count > 0)
        {
            var named = string.Join(", ", check.Repaired.Take(PeopleNamedInDetail).Select(p => p.Value));
            LogRepaired(check.Repaired.Count, check.PeopleChecked, named);
            audit.Record("sharing.derived-rows-repaired", AuditOutcome.Allowed, AccessRule.System,
                detail: $"Rows of {check.Repaired.Count} of {check.PeopleChecked} people differed from their facts and were made again: {named}");
        }

        return check;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Derived access rows of {Count} of {Checked} people differed from their facts and were made again (first: {People}). Find what wrote around the application.")]
    private partial void LogRepaired(int count, int @checked, string people);
}
