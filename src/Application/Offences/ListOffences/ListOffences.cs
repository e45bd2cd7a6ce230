using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Offences.ListOffences;

/// <summary>A person's offences that the reader may see, most recent first.</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListOffencesQuery(PersonId PersonId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<OffenceView>>, IPagedRequest;

public sealed class ListOffencesValidator : AbstractValidator<ListOffencesQuery>
{
    public ListOffencesValidator() => this.AddPagingRules();
}

public sealed class ListOffencesHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, IAuditTrail audit)
    : IQueryHandler<ListOffencesQuery, Paged<OffenceView>>
{
    public async ValueTask<Paged<OffenceView>> Handle(ListOffencesQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "offence.list", cancellationToken);
        var page = await access.Readable(db.Offences.AsNoTracking())
            .Where(o => o.PersonId == query.PersonId)
            .OrderByDescending(o => o.CommittedOn).ThenByDescending(o => o.Id)
            .ToPagedAsync(query, cancellationToken);
        var typeNames = await db.OffenceTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);
        var explanations = new ExplanationCache(access, audit);
        var items = new List<OffenceView>(page.Items.Count);
        foreach (var offence in page.Items)
        {
            var explanation = await explanations.ExplainAndAuditAsync("offence.read",
                new AuditSubject("Offence", offence.Id.ToString(), offence.PersonId.Value, offence.OwnerAgency),
                offence.PersonId, offence.OwnerAgency, offence.DataCategory, cancellationToken);
            items.Add(OffenceView.From(offence, typeNames.GetValueOrDefault(offence.OffenceType), explanation));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Paged<OffenceView>(items, page.Page, page.PageSize, page.Total);
    }
}
