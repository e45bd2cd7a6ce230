using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Households.ListHouseholds;

/// <summary>
/// The households the reader may know of (DOMAIN.md FAM2, IS7: <see cref="IRecordAccess.ReadableHouseholds"/>), by
/// name, optionally those whose name or a member's name the reader may see contains the search text. Nothing is
/// said of members the reader may not see: they are neither counted nor matched.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListHouseholdsQuery(string? Search = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Paged<HouseholdListItem>>, IPagedRequest;

/// <summary>A household in the list, with the schemes of its open family cases the reader may see.</summary>
public sealed record HouseholdListItem(Guid Id, string? Name, string OwnerAgency, DateTimeOffset CreatedAt, IReadOnlyList<string> OpenSchemes);

public sealed class ListHouseholdsValidator : AbstractValidator<ListHouseholdsQuery>
{
    public ListHouseholdsValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Search).MaximumLength(100).WithMessage("Search text must be 100 characters or fewer");
    }
}

public sealed class ListHouseholdsHandler(IAppDbContext db, IRecordAccess access, IAuditTrail audit)
    : IQueryHandler<ListHouseholdsQuery, Paged<HouseholdListItem>>
{
    public async ValueTask<Paged<HouseholdListItem>> Handle(ListHouseholdsQuery query, CancellationToken cancellationToken)
    {
        var households = access.ReadableHouseholds(db.Households.AsNoTracking());
        var text = query.Search?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var pattern = $"%{text.ToUpperInvariant().Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal)}%";
            // Only people the reader may see can match, so a hidden member's name never finds the household.
            var people = access.Readable(db.People.AsNoTracking()).Where(p => EF.Functions.Like(p.SearchName, pattern)).Select(p => p.Id);
#pragma warning disable CA1304, CA1311 // Translated to SQL's UPPER, which the provider runs, not .NET's culture.
            households = households.Where(h =>
                (h.Name != null && EF.Functions.Like(h.Name.ToUpper(), pattern))
                || h.Members.Any(m => people.Contains(m.PersonId)));
#pragma warning restore CA1304, CA1311
        }

        var page = await households
            .OrderBy(h => h.Name).ThenBy(h => h.Id)
            .Select(h => new { h.Id, h.Name, h.OwnerAgency, h.CreatedAt })
            .ToPagedAsync(query, cancellationToken);
        var ids = page.Items.Select(h => h.Id).ToList();
        var open = await access.Readable(db.Cases.AsNoTracking())
            .Where(c => c.HouseholdId != null && ids.Contains(c.HouseholdId.Value) && c.Status != CaseStatus.Exited)
            .Select(c => new { HouseholdId = c.HouseholdId!.Value, c.Scheme })
            .ToListAsync(cancellationToken);
        audit.Record("household.list", AuditOutcome.Allowed, AccessRule.Owner, detail: $"Search \"{text}\": {page.Total} found, page {page.Page}");
        await db.SaveChangesAsync(cancellationToken);
        return new Paged<HouseholdListItem>(
            [.. page.Items.Select(h => new HouseholdListItem(h.Id.Value, h.Name, h.OwnerAgency.Value, h.CreatedAt,
                [.. open.Where(c => c.HouseholdId == h.Id).Select(c => c.Scheme.ToString()).Distinct().Order(StringComparer.Ordinal)]))],
            page.Page,
            page.PageSize,
            page.Total);
    }
}
