using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Cases;

/// <summary>Why the reader may see a case: its person's rule, or for a family case a member's on the day (DOMAIN.md IS7b).</summary>
public static class CaseExplanation
{
    public static async Task<RecordAccessExplanation?> OfAsync(IRecordAccess access, IAppDbContext db, Case found, CancellationToken cancellationToken)
    {
        if (found.PersonId is { } personId)
        {
            return await access.ExplainAsync(personId, found.OwnerAgency, found.DataCategory, cancellationToken);
        }

        var id = found.Id;
        var explained = await access.ExplainManyAsync(db.Cases.AsNoTracking().Where(c => c.Id == id), c => c.Id, cancellationToken);
        return explained.GetValueOrDefault(id);
    }
}
