using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;

namespace CaseManager.Application.Reviews;

/// <summary>
/// The reviews the actor may read. Every review goes through <see cref="IRecordAccess.Readable{T}"/> as a record
/// of its own (owner, category, person). A consent review also needs its consent to be readable: it tells as much
/// as the consent does (that there is one, its scheme and its review date), and a consent is shared by agreement
/// only with the agencies it names. Both conditions are part of the one SQL query; nothing is filtered in memory.
/// </summary>
public static class ReadableReviews
{
    public static IQueryable<Review> Of(IRecordAccess access, IAppDbContext db, IQueryable<Review> reviews)
    {
        var consents = access.Readable(db.Consents);
        return access.Readable(reviews).Where(r => r.ConsentId == null || consents.Any(c => (ConsentId?)c.Id == r.ConsentId));
    }
}
