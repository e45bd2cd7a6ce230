using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Sharing;
using CaseManager.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseManager.Benchmarks;

/// <summary>
/// Writes the rows a generator added to a context, built through the domain's factories, with prepared multi-row
/// <c>INSERT</c>s instead of <c>SaveChangesAsync</c>, for the timed runs' national-size data only. The columns, the
/// values (shadow keys of owned rows and complex properties included) and their conversions all come from EF's model
/// and change tracker, so the rows are stored as EF would store them. What the context's save derives on the way, the
/// new people's sharing rights and their cases' readers, is made by <see cref="DeriveAccess"/> with the domain's
/// own derivations (<see cref="SharingRight.Derive"/>, <see cref="CaseReader.Derive"/>) from the facts in the batch,
/// and <see cref="CheckDerivedAccessAsync"/> has the product compare them with what it derives from the saved facts.
/// Measured in docs/performance.md: the save's upkeep (loading the facts back, deriving, inserting row by row through
/// EF) was most of the generation's time.
/// </summary>
public static class BulkSave
{
    // Microsoft.Data.Sqlite binds each parameter by name, which grows with the square of their number in one
    // statement: keep statements near the product's BulkInsert size.
    private const int MaxParametersPerStatement = 130;

    /// <summary>The agreements and agencies' schemes every derivation reads (as the product's upkeep loads them).</summary>
    public sealed record SharedFacts(List<SharingAgreement> Agreements, IReadOnlyDictionary<AgencyCode, IReadOnlySet<Scheme>> AgencySchemes)
    {
        public IReadOnlyDictionary<SharingAgreementId, IReadOnlySet<AgencyCode>> Parties { get; } =
            Agreements.ToDictionary(a => a.Id, a => (IReadOnlySet<AgencyCode>)a.Agencies.Select(p => p.Agency).ToHashSet());

        public static async Task<SharedFacts> LoadAsync(CaseDbContext db) =>
            new(
                await db.SharingAgreements.AsNoTracking().ToListAsync(),
                (await db.Agencies.AsNoTracking().ToListAsync()).ToDictionary(a => a.Code, a => (IReadOnlySet<Scheme>)a.Schemes.Select(s => s.Scheme).ToHashSet()));
    }

    /// <summary>
    /// Adds the sharing rights and case readers of the cases and households added to the context, as the save's upkeep
    /// would make them (ADR 0015, 0016; DOMAIN.md IS7b): enrolments from the open cases, a family case enrolling each
    /// member on the days of their membership, and the readers of every added case from the rights of the people it is
    /// about. The generated people have no consents, and none of their cases or memberships are outside the batch, so the
    /// batch's facts are all their facts. The rows are returned for <see cref="InsertAddedAsync"/>, not tracked: adding
    /// tens of thousands of them to the change tracker cost more than deriving them.
    /// </summary>
    public static List<object> DeriveAccess(CaseDbContext db, SharedFacts facts)
    {
        db.ChangeTracker.DetectChanges();
        var households = db.ChangeTracker.Entries<Household>().Where(e => e.State == EntityState.Added).ToDictionary(e => e.Entity.Id, e => e.Entity.Members);
        var cases = db.ChangeTracker.Entries<Case>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var enrolments = new List<Enrolment>();
        var about = new List<CaseFacts>();
        foreach (var @case in cases)
        {
            if (@case.PersonId is { } person)
            {
                if (@case.Status != CaseStatus.Exited)
                {
                    enrolments.Add(new Enrolment(person, @case.Scheme));
                }

                about.Add(new CaseFacts(@case.Id, person, @case.OwnerAgency, @case.DataCategory, @case.Scheme, @case.Status));
            }
            else if (@case.HouseholdId is { } household)
            {
                var members = households.TryGetValue(household, out var found)
                    ? found
                    : throw new InvalidOperationException($"Family case {@case.Id}'s household was not added in the same batch.");
                if (@case.Status != CaseStatus.Exited)
                {
                    enrolments.AddRange(members.Select(m => new Enrolment(m.PersonId, @case.Scheme, m.From, m.To)));
                }

                if (members.Count > 0)
                {
                    about.Add(new CaseFacts(@case.Id, [.. members.Select(m => new CaseSubject(m.PersonId, m.From, m.To ?? DateOnly.MaxValue))], @case.OwnerAgency, @case.DataCategory, @case.Scheme, @case.Status));
                }
            }
        }

        var rights = SharingRight.Derive(enrolments, facts.Agreements, [], facts.AgencySchemes).ToList();
        return [.. rights, .. CaseReader.Derive(about, rights, facts.Parties)];
    }

    /// <summary>
    /// Has the product check the stored rights and case readers against what it derives from the saved facts
    /// (<see cref="CaseDbContext.CheckAndRepairSharingRightsAsync"/>): everyone in a small file, else the first and the
    /// last <paramref name="sample"/> people in id order (the demo's and the first generated, and the last generated).
    /// Throws if any differ: the data would not be what the app would have made. Returns the people checked.
    /// </summary>
    public static async Task<int> CheckDerivedAccessAsync(CaseDbContext db, int sample = 2_000)
    {
        var people = await db.People.CountAsync();
        return people <= 4 * sample
            ? await CheckAsync(db, 0, people)
            : await CheckAsync(db, 0, sample) + await CheckAsync(db, people - sample, sample);
    }

    private static async Task<int> CheckAsync(CaseDbContext db, int skip, int count)
    {
        var done = 0;
        while (done < count)
        {
            var check = await db.CheckAndRepairSharingRightsAsync(skip + done, Math.Min(500, count - done), CancellationToken.None);
            if (check.Repaired.Count > 0)
            {
                throw new InvalidOperationException($"The generated sharing rights or case readers of {check.Repaired.Count} people differ from the product's derivation.");
            }

            done += check.PeopleChecked;
            if (!check.More)
            {
                break;
            }
        }

        return done;
    }

    /// <summary>
    /// Turns off waiting for the disk on the context's connection for the throwaway file being generated, and returns
    /// the setting it had, for <see cref="EndGenerationAsync"/> to put back before anything is timed.
    /// </summary>
    public static async Task<long> BeginGenerationAsync(CaseDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        var before = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA synchronous=OFF;";
        await command.ExecuteNonQueryAsync();
        return before;
    }

    /// <summary>Puts the connection's <c>synchronous</c> setting back (pooled connections keep it).</summary>
    public static async Task EndGenerationAsync(CaseDbContext db, long synchronous)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA synchronous={synchronous};";
        await command.ExecuteNonQueryAsync();
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>
    /// Inserts every added row the context tracks in one transaction, foreign keys checked at its commit (so the
    /// tables' order does not matter), with the untracked <paramref name="derived"/> rows (entities without shadow
    /// properties), then stops tracking them. Returns the number of rows written.
    /// </summary>
    public static async Task<int> InsertAddedAsync(CaseDbContext db, IReadOnlyCollection<object>? derived = null)
    {
        db.ChangeTracker.DetectChanges();
        var tables = new Dictionary<IEntityType, (Plan Plan, List<object?[]> Rows)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                if (entry.State != EntityState.Unchanged)
                {
                    throw new InvalidOperationException($"{entry.Metadata.DisplayName()} is {entry.State}: the bulk path only inserts.");
                }

                continue;
            }

            if (!tables.TryGetValue(entry.Metadata, out var table))
            {
                table = (Plans.GetOrAdd(entry.Metadata, Plan.Of), []);
                tables[entry.Metadata] = table;
            }

            table.Rows.Add(table.Plan.Values(entry));
        }

        foreach (var row in derived ?? [])
        {
            var type = db.Model.FindEntityType(row.GetType()) ?? throw new InvalidOperationException($"{row.GetType().Name} is not mapped.");
            if (!tables.TryGetValue(type, out var table))
            {
                table = (Plans.GetOrAdd(type, Plan.Of), []);
                tables[type] = table;
            }

            table.Rows.Add(table.Plan.Values(row));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        await using (var defer = connection.CreateCommand())
        {
            defer.Transaction = transaction.GetDbTransaction();
            defer.CommandText = "PRAGMA defer_foreign_keys=ON;";
            await defer.ExecuteNonQueryAsync();
        }

        var written = 0;
        foreach (var (plan, rows) in tables.Values)
        {
            written += await InsertAsync(connection, transaction.GetDbTransaction(), plan.Table, plan.Columns, rows);
        }

        await transaction.CommitAsync();
        db.ChangeTracker.Clear();
        return written;
    }

    private static readonly ConcurrentDictionary<IEntityType, Plan> Plans = new();

    /// <summary>An entity type's table and columns, worked out once from the model (asking the model per row is slow).</summary>
    private sealed record Plan(string Table, List<Column> Columns, IProperty[] Properties, (IComplexProperty Complex, IProperty Property)[] ComplexColumns)
    {
        public static Plan Of(IEntityType type)
        {
            var table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
            if (type.FindOwnership() is { IsUnique: true } ownership && ownership.PrincipalEntityType.GetTableName() == table)
            {
                // A case's IOM details live in the case's row: the generators make none, and this path does not merge them.
                throw new NotSupportedException($"{type.DisplayName()} shares its owner's table; the bulk path does not write it.");
            }

            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            var properties = type.GetProperties().Where(p => !IsGeneratedByDatabase(p) && p.GetColumnName(store) is not null).ToArray();
            var complex = type.GetComplexProperties()
                .SelectMany(c => c.ComplexType.GetComplexProperties().Any()
                    ? throw new NotSupportedException($"{c.Name}: nested complex properties are not written by the bulk path.")
                    : c.ComplexType.GetProperties().Where(p => p.GetColumnName(store) is not null).Select(p => (c, p)))
                .ToArray();
            var columns = properties.Select(p => new Column(p.GetColumnName(store)!, p.GetRelationalTypeMapping(), p.IsNullable))
                .Concat(complex.Select(c => new Column(c.p.GetColumnName(store)!, c.p.GetRelationalTypeMapping(), c.p.IsNullable)))
                .ToList();
            return new Plan(table, columns, properties, complex);
        }

        public object?[] Values(EntityEntry entry)
        {
            var values = new object?[Columns.Count];
            var current = entry.CurrentValues;
            for (var i = 0; i < Properties.Length; i++)
            {
                values[i] = current[Properties[i]];
            }

            for (var i = 0; i < ComplexColumns.Length; i++)
            {
                values[Properties.Length + i] = entry.ComplexProperty(ComplexColumns[i].Complex).Property(ComplexColumns[i].Property).CurrentValue;
            }

            return values;
        }

        /// <summary>An untracked row's values, read with the model's getters.</summary>
        public object?[] Values(object entity)
        {
            if (ComplexColumns.Length > 0 || Properties.Any(p => p.IsShadowProperty()))
            {
                throw new NotSupportedException($"{Table}: only rows without shadow or complex properties are written untracked.");
            }

            var values = new object?[Columns.Count];
            for (var i = 0; i < Properties.Length; i++)
            {
                values[i] = Properties[i].GetGetter().GetClrValueUsingContainingEntity(entity);
            }

            return values;
        }
    }

    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, string table, List<Column> columns, List<object?[]> rows)
    {
        var perStatement = Math.Max(1, MaxParametersPerStatement / columns.Count);
        var written = 0;
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                var command = count == perStatement ? full ??= Prepare(connection, transaction, table, columns, perStatement) : Prepare(connection, transaction, table, columns, count);
                for (var r = 0; r < count; r++)
                {
                    var values = rows[start + r];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var mapping = columns[c].Mapping;
                        var value = values[c];
                        command.Parameters[(r * columns.Count) + c].Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                    }
                }

                written += await command.ExecuteNonQueryAsync();
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        return written;
    }

    /// <summary>An <c>INSERT</c> of <paramref name="rows"/> rows whose parameters are configured by each column's type mapping (a Guid bound as text, as EF does).</summary>
    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string table, List<Column> columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder($"INSERT INTO \"{table}\" (").AppendJoin(", ", columns.Select(c => $"\"{c.Name}\"")).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{(r * columns.Count) + c}";
                text.Append(c == 0 ? string.Empty : ", ").Append(name);
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, columns[c].Nullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        command.Prepare();
        return command;
    }

    /// <summary>An integer key the database numbers (SQLite's rowid), left for it to number, as the product's BulkInsert does.</summary>
    private static bool IsGeneratedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long);

    private sealed record Column(string Name, RelationalTypeMapping Mapping, bool Nullable);
}
