using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Auditing.FindUsersForGovernance;

/// <summary>
/// Finds users by name or email, in every agency, for the audit search's "user" filter. Disabled users are found
/// too: the trail still holds what they did.
/// </summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record FindUsersForGovernanceQuery(string Search) : IQuery<GovernanceUserMatches>
{
    public const int MaxMatches = 20;
}

public sealed class FindUsersForGovernanceValidator : AbstractValidator<FindUsersForGovernanceQuery>
{
    public FindUsersForGovernanceValidator() =>
        RuleFor(q => q.Search).NotEmpty().WithMessage("Enter a name or email address")
            .MaximumLength(100).WithMessage("Search text must be 100 characters or fewer");
}

public sealed record GovernanceUserMatch(Guid Id, string DisplayName, string Email, string AgencyCode);

public sealed record GovernanceUserMatches(IReadOnlyList<GovernanceUserMatch> Users, int Total);

public sealed class FindUsersForGovernanceHandler(IUserDirectory users) : IQueryHandler<FindUsersForGovernanceQuery, GovernanceUserMatches>
{
    public async ValueTask<GovernanceUserMatches> Handle(FindUsersForGovernanceQuery query, CancellationToken cancellationToken)
    {
        var page = await users.ListAsync(new UserFilter(query.Search.Trim(), null, 1, FindUsersForGovernanceQuery.MaxMatches), cancellationToken);
        return new GovernanceUserMatches(page.Items.Select(u => new GovernanceUserMatch(u.Id, u.DisplayName, u.Email, u.AgencyCode)).ToList(), page.Total);
    }
}
