using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Users;
using Mediator;

namespace CaseManager.Application.Cases.ListAllocatableWorkers;

/// <summary>
/// The workers a manager may allocate a case of their own agency to (AllocateCaseCommand): the agency's active
/// caseworkers and managers, by display name. An agency's workers are few, so the list is not paged. A case the
/// manager may not read is "not found" (the refusal audited); another agency's case they may read is forbidden.
/// </summary>
[RequiresPolicy(Policies.ManageCases)]
public sealed record ListAllocatableWorkersQuery(CaseId CaseId) : IQuery<IReadOnlyList<AllocatableWorker>>;

/// <summary>One worker a case can be allocated to, with the roles that make them one.</summary>
public sealed record AllocatableWorker(Guid Id, string DisplayName, string Email, IReadOnlyList<Role> Roles);

public sealed class ListAllocatableWorkersHandler(CaseGate gate, IUserDirectory users)
    : IQueryHandler<ListAllocatableWorkersQuery, IReadOnlyList<AllocatableWorker>>
{
    public async ValueTask<IReadOnlyList<AllocatableWorker>> Handle(ListAllocatableWorkersQuery query, CancellationToken cancellationToken)
    {
        var found = await gate.OwnedAsync(query.CaseId, "case.allocatable-workers", cancellationToken);
        var workers = await users.ActiveUsersWithAnyRoleAsync(found.OwnerAgency, OpenCaseHandler.WorkerRoles, cancellationToken);
        return workers
            .Select(w => new AllocatableWorker(w.Id, w.DisplayName, w.Email, w.Roles.Where(OpenCaseHandler.WorkerRoles.Contains).ToList()))
            .ToList();
    }
}
