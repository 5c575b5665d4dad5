"""Page furniture built from front matter: people, supporting organisations."""
