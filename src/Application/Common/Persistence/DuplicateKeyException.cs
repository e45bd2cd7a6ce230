using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Common.Persistence;

/// <summary>
/// A save broke a unique index: someone saved the same thing at the same moment (a race past a check in code). The
/// database context raises it for either database, so a handler that knows what the index means can say so in words
/// (for example <c>claims.window-taken</c>); left alone it answers <c>409</c> with code <c>conflict.duplicate</c>
/// (docs/adr/0004), never a 500. It is a <see cref="DbUpdateException"/>, so existing handling still applies.
/// </summary>
public sealed class DuplicateKeyException(DbUpdateException inner)
    : DbUpdateException("A unique index refused the save: the same thing was saved at the same moment.", inner.InnerException ?? inner, inner.Entries)
{
    public const string Code = "conflict.duplicate";
}
