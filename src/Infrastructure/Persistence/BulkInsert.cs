using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// Multi-row <c>INSERT</c> statements built from the EF model, which SQLite and PostgreSQL both understand: table,
/// column names and parameter conversions come from the model, so the rows are stored exactly as EF would store them.
/// It runs in the context's current transaction, if any.
/// </summary>
internal static class BulkInsert
{
    // About ten rows a statement. Kept small on purpose: Microsoft.Data.Sqlite finds each parameter by name, so
    // binding grows with the square of the count. Measured at 100k cases: 5,000 parameters a statement 26 s a run,
    // 500 parameters 7.3 s, 130 parameters 3.4 s (docs/reviews-and-reminders.md).
    private const int MaxParametersPerStatement = 130;

    /// <summary>
    /// Inserts the rows. With <paramref name="ifAbsent"/>, a row whose unique key is already taken is skipped
    /// (<c>ON CONFLICT DO NOTHING</c>) and not counted. A key the database generates is left for it to generate.
    /// </summary>
    public static async Task<int> InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, bool ifAbsent, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => !p.IsShadowProperty() && !IsGeneratedByDatabase(p)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ";
        var rowsPerStatement = Math.Max(1, MaxParametersPerStatement / properties.Count);

        var inserted = 0;
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var batch in rows.Chunk(rowsPerStatement))
        {
            var text = new StringBuilder(into);
            var parameters = new List<DbParameter>(batch.Length * properties.Count);
            for (var r = 0; r < batch.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Count; c++)
                {
                    var property = properties[c];
                    var name = $"p{parameters.Count}";
                    var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                    parameters.Add(mapping.CreateParameter(factory, name, property.GetGetter().GetClrValue(batch[r]), property.IsNullable));
                    text.Append(c == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }

                text.Append(')');
            }

            if (ifAbsent)
            {
                text.Append(" ON CONFLICT DO NOTHING");
            }

            inserted += await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
        }

        return inserted;
    }

    /// <summary>An integer key the database numbers (SQLite's rowid, a PostgreSQL identity column).</summary>
    private static bool IsGeneratedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long);
}
