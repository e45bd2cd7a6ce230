using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Users.ListUsers;

[RequiresPolicy(Policies.Administer)]
public sealed record ListUsersQuery(string? Search = null, string? AgencyCode = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Paged<UserAccount>>, IPagedRequest;

public sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Search).MaximumLength(100);
        RuleFor(q => q.AgencyCode)
            .Must(code => string.IsNullOrEmpty(code) || Domain.Agencies.AgencyCode.TryParse(code, out _))
            .WithMessage("Agency code is not valid");
    }
}

public sealed class ListUsersHandler(IUserDirectory users) : IQueryHandler<ListUsersQuery, Paged<UserAccount>>
{
    public async ValueTask<Paged<UserAccount>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        AgencyCode? agency = string.IsNullOrEmpty(query.AgencyCode) ? null : AgencyCode.Parse(query.AgencyCode);
        return await users.ListAsync(new UserFilter(query.Search, agency, query.Page, query.PageSize), cancellationToken);
    }
}
