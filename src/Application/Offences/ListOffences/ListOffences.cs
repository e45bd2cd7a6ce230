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
        var ids = page.Items.Select(o => o.Id).ToList();
        var explanations = await access.ExplainAndAuditAsync(audit, db.Offences.AsNoTracking().Where(o => ids.Contains(o.Id)), o => o.Id,
            "offence.read", id => new AuditSubject("Offence", id.ToString(), query.PersonId.Value, page.Items.First(o => o.Id == id).OwnerAgency), cancellationToken);
        var items = page.Items.Select(offence => OffenceView.From(offence, typeNames.GetValueOrDefault(offence.OffenceType), explanations.GetValueOrDefault(offence.Id))).ToList();

        await db.SaveChangesAsync(cancellationToken);
        return new Paged<OffenceView>(items, page.Page, page.PageSize, page.Total);
    }
}
