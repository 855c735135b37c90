namespace Frontline.Silo; public static class Program { public static void Main() { } }
