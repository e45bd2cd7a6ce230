using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.People.SearchPeople;

/// <summary>
/// Finds people the reader may see by name, date of birth (dd/mm/yyyy or yyyy-mm-dd) or identifier
/// (PNC, CRN, NHS number, UPN). Without search text it lists them all, a page at a time.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record SearchPeopleQuery(string? Search = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Paged<PersonListItem>>, IPagedRequest;

public sealed class SearchPeopleValidator : AbstractValidator<SearchPeopleQuery>
{
    public SearchPeopleValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Search).MaximumLength(100).WithMessage("Search text must be 100 characters or fewer");
    }
}

public sealed class SearchPeopleHandler(IAppDbContext db, IRecordAccess access, IAuditTrail audit)
    : IQueryHandler<SearchPeopleQuery, Paged<PersonListItem>>
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public async ValueTask<Paged<PersonListItem>> Handle(SearchPeopleQuery query, CancellationToken cancellationToken)
    {
        var people = access.Readable(db.People.AsNoTracking());
        var text = query.Search?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            people = Filter(people, text);
        }

        var page = await people
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Select(p => new PersonListItem(
                p.Id.Value, p.GivenName, p.FamilyName, p.DateOfBirth, p.Identifiers.Pnc, p.Identifiers.Crn,
                p.OwnerAgency.Value, p.DataCategory.ToString()))
            .ToPagedAsync(query, cancellationToken);

        // Shared people say why they are shown, and each cross-agency disclosure is audited with its rule (IS9).
        // One batch for the whole page: the number of queries does not grow with the page size.
        var ids = page.Items.Select(i => new PersonId(i.Id)).ToList();
        var explanations = await access.ExplainManyAsync(db.People.AsNoTracking().Where(p => ids.Contains(p.Id)), p => p.Id, cancellationToken);
        var items = new List<PersonListItem>(page.Items.Count);
        foreach (var item in page.Items)
        {
            var explanation = explanations.GetValueOrDefault(new PersonId(item.Id));
            if (explanation is not null)
            {
                audit.Record("person.search-result", AuditOutcome.Allowed, AccessAudit.RuleOf(explanation),
                    new AuditSubject("Person", item.Id.ToString(), item.Id, AgencyCode.FromTrusted(item.OwnerAgency)), AccessAudit.DetailOf(explanation));
            }

            items.Add(item with { Access = explanation });
        }

        audit.Record("person.search", AuditOutcome.Allowed, AccessRule.Owner,
            detail: $"Search \"{text}\": {page.Total} found, page {page.Page}");
        await db.SaveChangesAsync(cancellationToken);
        return page with { Items = items };
    }

    /// <summary>The search by name, date of birth or identifier; also used by the governance search (ADR 0011).</summary>
    internal static IQueryable<Person> Filter(IQueryable<Person> people, string text)
    {
        if (DateOnly.TryParseExact(text, DateFormats, out var dateOfBirth))
        {
            return people.Where(p => p.DateOfBirth == dateOfBirth);
        }

        var upper = text.ToUpperInvariant();
        var digits = NhsNumber.Normalise(text);
        var pattern = $"%{upper.Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal)}%";
        return people.Where(p =>
            EF.Functions.Like(p.SearchName, pattern)
            || p.Identifiers.Pnc == upper
            || p.Identifiers.Crn == upper
            || p.Identifiers.Upn == upper
            || (digits.Length == 10 && p.Identifiers.NhsNumber == digits));
    }
}
