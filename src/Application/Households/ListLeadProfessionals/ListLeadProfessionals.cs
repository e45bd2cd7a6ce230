using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using Mediator;

namespace CaseManager.Application.Households.ListLeadProfessionals;

/// <summary>
/// The workers of the caller's agency who can be named a family case's lead professional (DOMAIN.md FAM1): its active
/// caseworkers and managers, by display name. The enrol form offers them; the command checks the one chosen again.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record ListLeadProfessionalsQuery : IQuery<IReadOnlyList<LeadProfessionalItem>>;

public sealed record LeadProfessionalItem(Guid Id, string DisplayName);

public sealed class ListLeadProfessionalsHandler(ICurrentUser currentUser, IUserDirectory users)
    : IQueryHandler<ListLeadProfessionalsQuery, IReadOnlyList<LeadProfessionalItem>>
{
    public async ValueTask<IReadOnlyList<LeadProfessionalItem>> Handle(ListLeadProfessionalsQuery query, CancellationToken cancellationToken)
    {
        var workers = await users.ActiveUsersWithAnyRoleAsync(currentUser.Actor.RequireAgency(), OpenCaseHandler.WorkerRoles, cancellationToken);
        return [.. workers.Select(w => new LeadProfessionalItem(w.Id, w.DisplayName))];
    }
}
