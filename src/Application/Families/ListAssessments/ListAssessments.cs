using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Families.ListAssessments;

/// <summary>
/// A family case's assessments, most recent first (the first is the current one), for whoever may read the case.
/// Of each assessment's needs only those the reader may read under the access rule are given, chosen in the query:
/// a need is a record in its area's data category, about a member or the family; a need about a member the reader
/// may not see is left out, and nothing says that it was.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListAssessmentsQuery(CaseId CaseId) : IQuery<IReadOnlyList<FamilyAssessmentView>>;

public sealed class ListAssessmentsHandler(IAppDbContext db, IRecordAccess access, FamilyCaseRecords records, IAuditTrail audit)
    : IQueryHandler<ListAssessmentsQuery, IReadOnlyList<FamilyAssessmentView>>
{
    public async ValueTask<IReadOnlyList<FamilyAssessmentView>> Handle(ListAssessmentsQuery query, CancellationToken cancellationToken)
    {
        var (familyCase, household) = await records.ReadableAsync(query.CaseId, "assessment.list", cancellationToken);
        var assessments = await db.FamilyAssessments.AsNoTracking()
            .Where(a => a.CaseId == familyCase.Id)
            .OrderByDescending(a => a.CompletedOn).ThenByDescending(a => a.RecordedAt)
            .Select(a => new { a.Id, a.OwnerAgency, a.CompletedOn, a.Summary, a.Strengths, a.RecordedAt })
            .ToListAsync(cancellationToken);

        var people = access.Readable(db.People);
        var visible = access.Readable(db.FamilyAssessmentNeeds.AsNoTracking())
            .Where(n => n.CaseId == familyCase.Id)
            .Where(n => n.PersonId == null || people.Any(p => p.Id == n.PersonId));
        var needs = await visible.OrderBy(n => n.Area).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        var explanations = await access.ExplainAndAuditAsync(audit, visible, n => n.Id, "assessment.need-read",
            id => Subject(needs.First(n => n.Id == id)), cancellationToken);
        var names = await records.VisibleNamesAsync(needs.Where(n => n.PersonId is not null).Select(n => n.PersonId!.Value), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var byAssessment = needs.ToLookup(n => n.AssessmentId);
        return assessments.Select(a => new FamilyAssessmentView(a.Id.Value, familyCase.Id.Value, household.Id.Value, a.OwnerAgency.Value, a.CompletedOn,
                a.Summary, a.Strengths,
                [.. byAssessment[a.Id].OrderBy(n => n.PersonId is null ? 0 : 1).ThenBy(n => n.Area).Select(n => new AssessmentNeedView(n.Area.ToString(), n.PersonId?.Value,
                    n.PersonId is { } p ? names.GetValueOrDefault(p) : null, n.Detail, n.DataCategory.ToString(), explanations.GetValueOrDefault(n.Id)))],
                a.RecordedAt))
            .ToList();
    }

    private static AuditSubject Subject(FamilyAssessmentNeed need) =>
        new("FamilyAssessmentNeed", need.Id.ToString(), need.PersonId?.Value, need.OwnerAgency);
}
