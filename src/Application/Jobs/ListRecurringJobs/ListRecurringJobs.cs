using CaseManager.Application.Common.Security;
using Mediator;

namespace CaseManager.Application.Jobs.ListRecurringJobs;

[RequiresPolicy(Policies.Administer)]
public sealed record ListRecurringJobsQuery : IQuery<IReadOnlyList<RecurringJobSummary>>;

public sealed class ListRecurringJobsHandler(IRecurringJobs jobs) : IQueryHandler<ListRecurringJobsQuery, IReadOnlyList<RecurringJobSummary>>
{
    public ValueTask<IReadOnlyList<RecurringJobSummary>> Handle(ListRecurringJobsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(jobs.List());
}
