using CaseManager.Application.Common.Validation;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Jobs.TriggerRecurringJob;

/// <summary>An administrator runs a recurring job now instead of waiting for its schedule.</summary>
[RequiresPolicy(Policies.Administer)]
public sealed record TriggerRecurringJobCommand(string JobId) : ICommand;

public sealed class TriggerRecurringJobValidator : AbstractValidator<TriggerRecurringJobCommand>
{
    public TriggerRecurringJobValidator() => RuleFor(c => c.JobId).NotEmpty().MaximumLength(100).PlainText();
}

public sealed class TriggerRecurringJobHandler(IRecurringJobs jobs, IAuditTrail audit) : ICommandHandler<TriggerRecurringJobCommand>
{
    public ValueTask<Unit> Handle(TriggerRecurringJobCommand command, CancellationToken cancellationToken)
    {
        if (!jobs.Trigger(command.JobId))
        {
            throw NotFoundException.For("Recurring job", command.JobId);
        }

        audit.Record("job.trigger", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("RecurringJob", command.JobId));
        return ValueTask.FromResult(Unit.Value);
    }
}
