using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Outcomes.ListAsb;

/// <summary>A person's ASB records that the reader may see, most recent first.</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListAsbQuery(PersonId PersonId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<AsbRecordView>>, IPagedRequest;

public sealed class ListAsbValidator : AbstractValidator<ListAsbQuery>
{
    public ListAsbValidator() => this.AddPagingRules();
}

public sealed class ListAsbHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, IAuditTrail audit)
    : IQueryHandler<ListAsbQuery, Paged<AsbRecordView>>
{
    public async ValueTask<Paged<AsbRecordView>> Handle(ListAsbQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "asb.list", cancellationToken);
        var page = await access.Readable(db.AsbRecords.AsNoTracking())
            .Where(r => r.PersonId == query.PersonId)
            .OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.Id)
            .ToPagedAsync(query, cancellationToken);
        var ids = page.Items.Select(r => r.Id).ToList();
        var explanations = await access.ExplainAndAuditAsync(audit, db.AsbRecords.AsNoTracking().Where(r => ids.Contains(r.Id)), r => r.Id,
            "asb.read", id => new AuditSubject("AsbRecord", id.ToString(), query.PersonId.Value, page.Items.First(r => r.Id == id).OwnerAgency), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return new Paged<AsbRecordView>(page.Items.Select(r => AsbRecordView.From(r, explanations.GetValueOrDefault(r.Id))).ToList(), page.Page, page.PageSize, page.Total);
    }
}
