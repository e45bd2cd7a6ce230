using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Claims.ListClaims;

/// <summary>The claims of the reader's agency, newest first; the read is audited like every claim action.</summary>
[RequiresPolicy(Policies.Claims)]
public sealed record ListClaimsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<ClaimListItem>>, IPagedRequest;

public sealed class ListClaimsValidator : AbstractValidator<ListClaimsQuery>
{
    public ListClaimsValidator() => this.AddPagingRules();
}

public sealed class ListClaimsHandler(ClaimReads reads, IUserDirectory users, IAppDbContext db, IAuditTrail audit) : IQueryHandler<ListClaimsQuery, Paged<ClaimListItem>>
{
    public async ValueTask<Paged<ClaimListItem>> Handle(ListClaimsQuery query, CancellationToken cancellationToken)
    {
        var page = await reads.Visible().AsNoTracking()
            .OrderByDescending(c => c.PreparedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Phase, c.Kind, c.Window, c.Status, c.Done, c.Total, c.PreparedBy, c.PreparedAt })
            .ToPagedAsync(query, cancellationToken);
        var names = await users.DisplayNamesAsync([.. page.Items.Select(c => c.PreparedBy).Distinct()], cancellationToken);
        audit.Record("claims.list", AuditOutcome.Allowed, AccessRule.Role, null, $"Page {page.Page}: {page.Items.Count} claims of {page.Total}");
        await db.SaveChangesAsync(cancellationToken);
        return new Paged<ClaimListItem>(
            [.. page.Items.Select(c => new ClaimListItem(c.Id.Value, c.Phase, c.Kind.ToString(), c.Window, c.Status.ToString(), new ClaimProgressView(c.Done, c.Total),
                names.GetValueOrDefault(c.PreparedBy) ?? "A former user", c.PreparedAt))],
            page.Page,
            page.PageSize,
            page.Total);
    }
}
