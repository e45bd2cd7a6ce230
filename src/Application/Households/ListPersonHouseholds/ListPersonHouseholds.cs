using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Households.ListPersonHouseholds;

/// <summary>The households a person the reader may see was ever a member of (DOMAIN.md FAM2), newest membership first.</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListPersonHouseholdsQuery(PersonId PersonId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Paged<PersonHouseholdItem>>, IPagedRequest;

public sealed class ListPersonHouseholdsValidator : AbstractValidator<ListPersonHouseholdsQuery>
{
    public ListPersonHouseholdsValidator() => this.AddPagingRules();
}

public sealed class ListPersonHouseholdsHandler(IAppDbContext db, IRecordAccess access, PersonGate gate)
    : IQueryHandler<ListPersonHouseholdsQuery, Paged<PersonHouseholdItem>>
{
    public async ValueTask<Paged<PersonHouseholdItem>> Handle(ListPersonHouseholdsQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "household.list", cancellationToken);
        var personId = query.PersonId;

        // The person is readable, so every household they were in is known to the reader through them.
        var rows = access.ReadableHouseholds(db.Households.AsNoTracking())
            .SelectMany(h => h.Members.Where(m => m.PersonId == personId), (h, m) => new { h.Id, h.Name, MemberId = m.Id, m.Relationship, m.From, m.To, h.OwnerAgency })
            .OrderByDescending(r => r.From).ThenBy(r => r.MemberId);
        var page = await rows.ToPagedAsync(query, cancellationToken);
        return new Paged<PersonHouseholdItem>(
            [.. page.Items.Select(r => new PersonHouseholdItem(r.Id.Value, r.Name, r.MemberId, r.Relationship.ToString(), r.From, r.To, r.OwnerAgency.Value))],
            page.Page,
            page.PageSize,
            page.Total);
    }
}
