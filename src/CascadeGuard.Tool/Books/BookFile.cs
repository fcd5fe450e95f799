namespace CascadeGuard.Tool.Books;

/// <summary>Opens a book file, choosing the reader by extension (<c>.csv</c> or <c>.json</c>).</summary>
internal static class BookFile
{
    /// <summary>The sample book shipped beside the tool.</summary>
    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "accounts.csv");

    public static LoadedBook Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new BookFormatException(path, "file", "path", "the file does not exist");
        }

        var extension = Path.GetExtension(path).ToUpperInvariant();
        switch (extension)
        {
            case ".CSV":
                using (var reader = new StreamReader(path))
                {
                    return CsvBookReader.Read(path, reader);
                }

            case ".JSON":
                using (var stream = File.OpenRead(path))
                {
                    return JsonBookReader.Read(path, stream);
                }

            default:
                throw new BookFormatException(path, "file", "path", $"unknown extension '{Path.GetExtension(path)}': use .csv or .json");
        }
    }
}
