"""The trainee's app (Textual). The only package that imports Textual."""
